import {
  BadRequestException,
  Injectable,
  PayloadTooLargeException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { AppError } from '@mezzo/api-core';
import {
  MAX_CERTIFICATE_BYTES,
  type CertificateMediaType,
} from '@mezzo/shared-contracts';
import FileType from 'file-type';
import { memoryStorage } from 'multer';
import type { Observable } from 'rxjs';

/** The multipart field that carries the file. */
export const FILE_FIELD = 'file';

const MultipartFile = FileInterceptor(FILE_FIELD, {
  storage: memoryStorage(),
  // One file, a few small fields at most; multer aborts as soon as the file passes the limit.
  limits: { fileSize: MAX_CERTIFICATE_BYTES, files: 1, fields: 5, parts: 6 },
  // File names in UTF-8 (browsers send them so), not busboy's latin1 default.
  defParamCharset: 'utf8',
});

/**
 * Multer in memory with the 10 MB limit. Nest turns multer's LIMIT_FILE_SIZE into a
 * PayloadTooLargeException ("File too large"); it is answered here with a message that names the limit.
 * Multer's other refusals (another field name, two files, a form without a boundary) arrive as
 * BadRequestException: they are answered under `fields.file`, like a missing file.
 */
@Injectable()
export class CertificateUploadInterceptor
  extends MultipartFile
  implements NestInterceptor
{
  override async intercept(
    context: ExecutionContext,
    next: CallHandler,
  ): Promise<Observable<unknown>> {
    try {
      return await super.intercept(context, next);
    } catch (err) {
      if (err instanceof PayloadTooLargeException)
        throw new AppError(
          413,
          'payload_too_large',
          `The file is larger than ${MAX_CERTIFICATE_BYTES / 1024 / 1024} MB`,
        );
      if (err instanceof BadRequestException)
        throw AppError.validation(
          {
            file: [
              `send one certificate as multipart field "${FILE_FIELD}" (${err.message})`,
            ],
          },
          'The upload could not be read',
        );
      throw err;
    }
  }
}

export interface UploadedCertificate {
  bytes: Buffer;
  originalName: string;
}

/** The uploaded file, or 400 with `fields.file` when the request carried none. */
export function requireFile(
  file: Express.Multer.File | undefined,
): UploadedCertificate {
  if (!file || file.size === 0)
    throw AppError.validation({
      file: [
        'file is required: send the certificate as multipart field "file"',
      ],
    });
  return { bytes: file.buffer, originalName: file.originalname };
}

const EXTENSIONS: Record<CertificateMediaType, string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
};

/**
 * The media type read from the bytes themselves (magic numbers), never from the file name or the
 * client's Content-Type; 415 when it is not one of `accepted`.
 */
export async function sniffMediaType(
  bytes: Buffer,
  accepted: readonly CertificateMediaType[],
): Promise<CertificateMediaType> {
  // A file cut short after its signature (a PNG of 8 bytes) makes the reader run out of bytes.
  const found = await FileType.fromBuffer(bytes).catch(
    () => 'truncated' as const,
  );
  const mime = typeof found === 'object' ? (found.mime as string) : undefined;
  if (mime && (accepted as readonly string[]).includes(mime))
    return mime as CertificateMediaType;
  const names = accepted.map((t) => EXTENSIONS[t][0].toUpperCase()).join(', ');
  const why =
    found === 'truncated'
      ? ' (this one is cut short or damaged)'
      : found
        ? ` (this one is ${found.ext})`
        : '';
  throw new AppError(
    415,
    'unsupported_media_type',
    `The file must be ${names === 'PDF' ? 'a PDF' : `one of ${names}`}${why}`,
  );
}

const MAX_NAME = 200;

/**
 * A file name safe to store and to send back in Content-Disposition: the last path segment only,
 * no control or reserved characters, at most 200 characters, and an extension that matches the
 * content (a PNG named "scan.pdf" becomes "scan.pdf.png").
 */
export function sanitiseFileName(
  raw: string | undefined,
  mediaType: CertificateMediaType,
): string {
  const extensions = EXTENSIONS[mediaType];
  const lastSegment = (raw ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '';
  let name = lastSegment
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f"*:<>?|]/g, '')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const ext = /\.([a-z0-9]{1,5})$/i.exec(name)?.[1]?.toLowerCase();
  if (!ext || !extensions.includes(ext))
    name = `${name || 'certificate'}.${extensions[0]}`;
  if (name.length > MAX_NAME) {
    const suffix = name.slice(name.lastIndexOf('.'));
    name = `${[...name.slice(0, name.lastIndexOf('.'))]
      .slice(0, MAX_NAME - suffix.length)
      .join('')
      .trimEnd()}${suffix}`;
  }
  return name;
}
