import type { Format, PracticeLevel, Topic } from '@mezzo/compliance-engine';

/**
 * Certificates attached to credits. Routes under `/api`, Bearer; a caller reaches only the
 * certificates of their own credits (any other id answers 404).
 *
 * POST   /credits/:creditId/certificates   multipart `file` → 201 CertificateDto
 *          400 validation_failed (fields.file: missing) · 404 credit · 409 conflict (credit is deleted)
 *          413 payload_too_large (> 10 MB) · 415 unsupported_media_type (not PDF/PNG/JPEG by content)
 * GET    /credits/:creditId/certificates                 → 200 CertificateDto[] (oldest first)
 * GET    /certificates/:id/download                      → 200 the bytes, Content-Disposition attachment,
 *          X-Content-SHA256 · 410 not_found (stored bytes missing) · 409 conflict (stored bytes corrupted)
 * DELETE /certificates/:id                               → 204
 * POST   /certificates/prefill             multipart `file` (PDF) → 200 PrefillResultDto (stores nothing)
 *          413 payload_too_large · 415 unsupported_media_type · 400 validation_failed (unreadable PDF)
 */
export const CERTIFICATE_MEDIA_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
] as const;
export type CertificateMediaType = (typeof CERTIFICATE_MEDIA_TYPES)[number];

/** Largest certificate file accepted, in bytes (10 MB). */
export const MAX_CERTIFICATE_BYTES = 10 * 1024 * 1024;

export interface CertificateDto {
  id: string;
  creditId: string;
  /** Sanitised: no path, no control characters, at most 200 characters. */
  fileName: string;
  mediaType: CertificateMediaType;
  sizeBytes: number;
  /** SHA-256 of the bytes, lower-case hex (also sent as X-Content-SHA256 on download). */
  sha256: string;
  createdAt: string;
}

export type PrefillField =
  | 'title'
  | 'provider'
  | 'aceProviderNumber'
  | 'approvalPeriod'
  | 'hours'
  | 'completedOn'
  | 'format'
  | 'categories';

/**
 * What a certificate PDF's text suggests for a new credit. Every field is a suggestion for the
 * licensee to confirm; absent = not found. Dates are YYYY-MM-DD.
 */
export interface PrefillResultDto {
  title?: string;
  provider?: string;
  aceProviderNumber?: string;
  /** The ACE provider approval period printed in the ASWB ACE statement. */
  approvalPeriod?: { start?: string; end?: string };
  hours?: number;
  completedOn?: string;
  format?: Format;
  /** Category lines as printed (e.g. "Ethics", "Clinical"), de-duplicated. */
  categories: string[];
  /** The categories that map to the credit form's topic codes. */
  topics: Topic[];
  /** Set when a category names a practice level (e.g. "Clinical"). */
  practiceLevel?: PracticeLevel;
  /** 0–1 per field found: 0.9 from a labelled line or the ACE statement, lower for a guess. */
  confidence: Partial<Record<PrefillField, number>>;
}
