import {
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import {
  contentKey,
  isContentKey,
  type CertificateStorage,
} from './certificate-storage';

export interface S3StorageOptions {
  bucket: string;
  /** For S3-compatible services (MinIO, R2, …); absent = AWS. */
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** `https://host/bucket/key` instead of `https://bucket.host/key` (MinIO and most compatibles). */
  forcePathStyle?: boolean;
}

/** Objects `certificates/<prefix>/<sha256>` in one bucket; S3 writes are atomic per object. */
export class S3CertificateStorage implements CertificateStorage {
  private readonly client: S3Client;

  constructor(private readonly options: S3StorageOptions) {
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle ?? false,
      credentials:
        options.accessKeyId && options.secretAccessKey
          ? {
              accessKeyId: options.accessKeyId,
              secretAccessKey: options.secretAccessKey,
            }
          : undefined,
      // Compatible services often reject the SDK's default CRC32 trailers; send checksums only when
      // an operation requires them (we send our own SHA-256 below).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(sha256: string, bytes: Buffer, mediaType: string): Promise<string> {
    const key = contentKey(sha256);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.options.bucket,
        Key: key,
        Body: bytes,
        ContentType: mediaType,
        ContentLength: bytes.length,
        // The service checks the upload against it (base64 of the digest, as S3 expects).
        ChecksumSHA256: createHash('sha256').update(bytes).digest('base64'),
      }),
    );
    return key;
  }

  async get(storageKey: string): Promise<Buffer | null> {
    this.check(storageKey);
    try {
      const out = await this.client.send(
        new GetObjectCommand({ Bucket: this.options.bucket, Key: storageKey }),
      );
      if (!out.Body) return null;
      return Buffer.from(await out.Body.transformToByteArray());
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async delete(storageKey: string): Promise<void> {
    this.check(storageKey);
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.options.bucket, Key: storageKey }),
    );
  }

  /** Closes the SDK's sockets when the app shuts down (Nest calls this on providers). */
  onModuleDestroy(): void {
    this.client.destroy();
  }

  private check(key: string): void {
    if (!isContentKey(key)) throw new Error(`Not a certificate key: ${key}`);
  }
}

function isNotFound(err: unknown): boolean {
  return (
    err instanceof S3ServiceException &&
    (err.name === 'NoSuchKey' || err.$metadata.httpStatusCode === 404)
  );
}
