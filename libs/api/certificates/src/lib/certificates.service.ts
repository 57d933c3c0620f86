import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { AccountErasure, AppError } from '@mezzo/api-core';
import {
  CertificatesRepository,
  CreditsRepository,
} from '@mezzo/api-data-access';
import {
  CERTIFICATE_MEDIA_TYPES,
  type CertificateDto,
  type CertificateMediaType,
  type PrefillResultDto,
} from '@mezzo/shared-contracts';
import { createHash } from 'node:crypto';
import { toCertificateDto } from './certificate.mapper';
import {
  sanitiseFileName,
  sniffMediaType,
  type UploadedCertificate,
} from './certificate-upload';
import { extractPdfText } from './prefill/pdf-text';
import { parseCertificateText } from './prefill/parse-certificate-text';
import {
  CERTIFICATE_STORAGE,
  type CertificateStorage,
} from './storage/certificate-storage';

export interface CertificateDownload {
  bytes: Buffer;
  fileName: string;
  mediaType: CertificateMediaType;
  sha256: string;
}

/** Certificates of one licensee's credits: every call names the caller, others' ids are 404. */
@Injectable()
export class CertificatesService implements OnModuleInit {
  constructor(
    private readonly certificates: CertificatesRepository,
    private readonly credits: CreditsRepository,
    @Inject(CERTIFICATE_STORAGE) private readonly storage: CertificateStorage,
    private readonly erasure: AccountErasure,
  ) {}

  /** Deleting an account also deletes its certificates' stored bytes (rows alone would cascade). */
  onModuleInit(): void {
    this.erasure.register('certificates', (userId) => this.removeAll(userId));
  }

  /**
   * Removes every certificate of the user, row and bytes together, each under its hash's lock;
   * bytes another user's certificate still names are kept.
   */
  async removeAll(userId: string): Promise<number> {
    let removed = 0;
    for (const c of await this.certificates.listForUser(userId)) {
      if (
        await this.certificates.remove(userId, c.id, (key) =>
          this.storage.delete(key),
        )
      )
        removed += 1;
    }
    return removed;
  }

  async upload(
    userId: string,
    creditId: string,
    file: UploadedCertificate,
  ): Promise<CertificateDto & { alreadyAttached?: true }> {
    const credit = await this.credits.findOwned(userId, creditId);
    if (!credit) throw AppError.notFound('Credit');
    if (credit.deletedAt)
      throw AppError.conflict(
        'This credit is deleted; restore it before attaching certificates',
      );
    const mediaType = await sniffMediaType(file.bytes, CERTIFICATE_MEDIA_TYPES);
    const sha256 = sha256Hex(file.bytes);
    // The same file twice on one credit is one certificate (the audit packet would carry it twice):
    // the upload answers the one already there, after rewriting its stored bytes (a repair when
    // they were damaged).
    const already = (
      await this.certificates.listForCredit(userId, creditId)
    ).find((c) => c.sha256 === sha256);
    if (already) {
      await this.storage.put(sha256, file.bytes, mediaType);
      return { ...toCertificateDto(already), alreadyAttached: true };
    }
    // Checked again under the hash's lock: two uploads of the same file at once attach it once.
    const { certificate, created } = await this.certificates.create(
      {
        creditId,
        userId,
        fileName: sanitiseFileName(file.originalName, mediaType),
        mediaType,
        sizeBytes: file.bytes.length,
        sha256,
      },
      () => this.storage.put(sha256, file.bytes, mediaType),
    );
    return created
      ? toCertificateDto(certificate)
      : { ...toCertificateDto(certificate), alreadyAttached: true };
  }

  async list(userId: string, creditId: string): Promise<CertificateDto[]> {
    if (!(await this.credits.findOwned(userId, creditId)))
      throw AppError.notFound('Credit');
    return (await this.certificates.listForCredit(userId, creditId)).map(
      toCertificateDto,
    );
  }

  /**
   * The stored bytes after checking them against the recorded SHA-256 (10 MB at most, so they are
   * read whole: a mismatch must be answered before the first byte is sent).
   */
  async download(userId: string, id: string): Promise<CertificateDownload> {
    const row = await this.certificates.findOwned(userId, id);
    if (!row) throw AppError.notFound('Certificate');
    const bytes = await this.storage.get(row.storageKey);
    if (!bytes)
      throw new AppError(
        410,
        'not_found',
        'The file of this certificate is no longer stored; please upload it again',
      );
    if (sha256Hex(bytes) !== row.sha256)
      throw AppError.conflict(
        'The stored file of this certificate does not match its checksum; please upload it again',
      );
    return {
      bytes,
      fileName: row.fileName,
      mediaType: row.mediaType as CertificateMediaType,
      sha256: row.sha256,
    };
  }

  /** Deletes the certificate; the bytes go only when no other certificate has the same content. */
  async remove(userId: string, id: string): Promise<void> {
    const removed = await this.certificates.remove(userId, id, (key) =>
      this.storage.delete(key),
    );
    if (!removed) throw AppError.notFound('Certificate');
  }

  /** Suggestions for a new credit from a certificate PDF's text; stores nothing. */
  async prefill(file: UploadedCertificate): Promise<PrefillResultDto> {
    await sniffMediaType(file.bytes, ['application/pdf']);
    const text = await extractPdfText(file.bytes);
    if (text === null)
      throw AppError.validation(
        { file: ['the PDF could not be read (damaged or password-protected)'] },
        'The PDF could not be read',
      );
    return parseCertificateText(text);
  }
}

function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
