import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  contentKey,
  isContentKey,
  type CertificateStorage,
} from './certificate-storage';

/**
 * Files under `<dataDir>/certificates/<sha256 prefix>/<sha256>`. A file is written to a temporary
 * name in the same folder and renamed into place, so a reader never sees half a file and a crash
 * leaves at most a stray temporary file.
 */
export class LocalDiskCertificateStorage implements CertificateStorage {
  constructor(private readonly dataDir: string) {}

  async put(sha256: string, bytes: Buffer): Promise<string> {
    const key = contentKey(sha256);
    const path = this.path(key);
    // The content is already here, intact: nothing to write. A damaged copy is replaced, so
    // uploading the same file again repairs it.
    if (await this.holds(path, sha256)) return key;
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temp, bytes, { flag: 'wx', mode: 0o640 });
      await rename(temp, path);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    return key;
  }

  async get(storageKey: string): Promise<Buffer | null> {
    try {
      return await readFile(this.path(storageKey));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async delete(storageKey: string): Promise<void> {
    await rm(this.path(storageKey), { force: true });
  }

  private async holds(path: string, sha256: string): Promise<boolean> {
    const existing = await readFile(path).catch(() => null);
    return (
      existing !== null &&
      createHash('sha256').update(existing).digest('hex') === sha256
    );
  }

  private path(key: string): string {
    if (!isContentKey(key)) throw new Error(`Not a certificate key: ${key}`);
    return join(this.dataDir, key);
  }
}
