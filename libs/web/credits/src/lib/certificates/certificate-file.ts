import {
  CERTIFICATE_MEDIA_TYPES,
  MAX_CERTIFICATE_BYTES,
} from '@mezzo/shared-contracts';

/** What the file picker offers; the server still sniffs the bytes and has the last word. */
export const CERTIFICATE_ACCEPT =
  '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';

const EXTENSIONS = /\.(pdf|png|jpe?g)$/i;

/** Why a picked file cannot be a certificate, or null when it may be sent. */
export function certificateFileProblem(file: File): string | null {
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > MAX_CERTIFICATE_BYTES) {
    return `“${file.name}” is ${megabytes(file.size)}; certificates can be at most 10 MB.`;
  }
  const typeOk =
    (CERTIFICATE_MEDIA_TYPES as readonly string[]).includes(file.type) ||
    (!file.type && EXTENSIONS.test(file.name));
  if (!typeOk) {
    return `“${file.name}” is not a PDF, PNG or JPEG file.`;
  }
  return null;
}

/** Worth asking the server to read: PDFs only (images carry no text layer). */
export function isPdf(file: File): boolean {
  return (
    file.type === 'application/pdf' || (!file.type && /\.pdf$/i.test(file.name))
  );
}

export function megabytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
