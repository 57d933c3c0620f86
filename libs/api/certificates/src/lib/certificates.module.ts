import { Module, type DynamicModule } from '@nestjs/common';
import { LicensesModule } from '@mezzo/api-licenses';
import { AuditPacketController } from './audit-packet.controller';
import { CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';
import {
  CERTIFICATE_STORAGE,
  type CertificateStorage,
} from './storage/certificate-storage';
import { LocalDiskCertificateStorage } from './storage/local-disk.storage';
import {
  S3CertificateStorage,
  type S3StorageOptions,
} from './storage/s3.storage';

export interface CertificatesModuleOptions {
  /** Local storage root (AppConfig.dataDir): files go under `<dataDir>/certificates/`. */
  dataDir: string;
  /** When set, the bytes go to this S3-compatible bucket instead of the local disk. */
  s3?: S3StorageOptions;
}

/** Certificates attached to credits, and the prefill of a credit from a certificate PDF. */
@Module({})
export class CertificatesModule {
  static forRoot(options: CertificatesModuleOptions): DynamicModule {
    return {
      module: CertificatesModule,
      imports: [LicensesModule],
      controllers: [CertificatesController, AuditPacketController],
      providers: [
        CertificatesService,
        {
          provide: CERTIFICATE_STORAGE,
          useFactory: (): CertificateStorage => createStorage(options),
        },
      ],
    };
  }
}

export function createStorage(
  options: CertificatesModuleOptions,
): CertificateStorage {
  return options.s3
    ? new S3CertificateStorage(options.s3)
    : new LocalDiskCertificateStorage(options.dataDir);
}
