/** Injection token of the CertificateStorage the module was configured with. */
export const CERTIFICATE_STORAGE = Symbol('CERTIFICATE_STORAGE');

/**
 * Where certificate bytes live, content-addressed by their SHA-256 (lower-case hex): the same bytes
 * are stored once, whoever uploads them. Callers verify the hash of what `get` returns.
 */
export interface CertificateStorage {
  /** Stores the bytes (idempotent for the same hash); returns the key to keep in the database. */
  put(sha256: string, bytes: Buffer, mediaType: string): Promise<string>;
  /** The stored bytes, or null when nothing is stored under the key. */
  get(storageKey: string): Promise<Buffer | null>;
  /** Removes the bytes; removing what is not there is not an error. */
  delete(storageKey: string): Promise<void>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** `certificates/<first two hex>/<sha256>`: keys never come from user input, but check anyway. */
export function contentKey(sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error('Not a SHA-256 hex digest');
  return `certificates/${sha256.slice(0, 2)}/${sha256}`;
}

export function isContentKey(key: string): boolean {
  const m = /^certificates\/([0-9a-f]{2})\/([0-9a-f]{64})$/.exec(key);
  return m !== null && m[2].startsWith(m[1]);
}
