export * from './lib/certificates.module';
export type { CertificateStorage } from './lib/storage/certificate-storage';
export type { S3StorageOptions } from './lib/storage/s3.storage';
export { parseCertificateText } from './lib/prefill/parse-certificate-text';
