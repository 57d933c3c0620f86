import type { CertificateEntity } from '@mezzo/api-data-access';
import type {
  CertificateDto,
  CertificateMediaType,
} from '@mezzo/shared-contracts';

export function toCertificateDto(c: CertificateEntity): CertificateDto {
  return {
    id: c.id,
    creditId: c.creditId,
    fileName: c.fileName,
    mediaType: c.mediaType as CertificateMediaType,
    sizeBytes: c.sizeBytes,
    sha256: c.sha256,
    createdAt: c.createdAt.toISOString(),
  };
}
