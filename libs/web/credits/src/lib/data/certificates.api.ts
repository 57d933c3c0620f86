import {
  HttpClient,
  HttpEventType,
  type HttpResponse,
} from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CertificateDto, PrefillResultDto } from '@mezzo/shared-contracts';
import { readBlobErrors } from '@mezzo/web-core';
import { type Observable, filter, map } from 'rxjs';

/** Upload progress (0–100) until the server answers with the stored certificate. */
export type UploadEvent =
  | { kind: 'progress'; percent: number }
  | { kind: 'done'; certificate: CertificateDto };

/** Certificates of credits and PDF prefill (see certificates.contracts.ts). */
@Injectable({ providedIn: 'root' })
export class CertificatesApi {
  private readonly http = inject(HttpClient);

  list(creditId: string): Observable<CertificateDto[]> {
    return this.http.get<CertificateDto[]>(this.creditUrl(creditId));
  }

  /** Multipart upload with progress events; the server sniffs the type and answers 413/415. */
  upload(creditId: string, file: File): Observable<UploadEvent> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http
      .post<CertificateDto>(this.creditUrl(creditId), body, {
        reportProgress: true,
        observe: 'events',
      })
      .pipe(
        map((event): UploadEvent | null => {
          if (event.type === HttpEventType.UploadProgress) {
            const total = event.total ?? file.size;
            const percent = total
              ? Math.min(100, Math.round((100 * event.loaded) / total))
              : 0;
            return { kind: 'progress', percent };
          }
          if (event.type === HttpEventType.Response && event.body) {
            return { kind: 'done', certificate: event.body };
          }
          return null;
        }),
        filter((e): e is UploadEvent => e !== null),
      );
  }

  /** The stored bytes, fetched through HttpClient so the Bearer token goes along. */
  download(id: string): Observable<HttpResponse<Blob>> {
    return this.http
      .get(`/api/certificates/${encodeURIComponent(id)}/download`, {
        responseType: 'blob',
        observe: 'response',
      })
      .pipe(readBlobErrors);
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(
      `/api/certificates/${encodeURIComponent(id)}`,
    );
  }

  /** Reads a certificate PDF and suggests the credit's fields; stores nothing. */
  prefill(file: File): Observable<PrefillResultDto> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<PrefillResultDto>('/api/certificates/prefill', body);
  }

  private creditUrl(creditId: string): string {
    return `/api/credits/${encodeURIComponent(creditId)}/certificates`;
  }
}
