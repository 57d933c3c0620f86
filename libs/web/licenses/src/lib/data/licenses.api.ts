import {
  HttpClient,
  HttpParams,
  type HttpResponse,
} from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ComplianceDto,
  CreateLicenseRequest,
  LicenseDto,
  RenewedThroughRequest,
  LicenseTypeOptionDto,
  TranscriptImportResultDto,
  UpdateLicenseRequest,
} from '@mezzo/shared-contracts';
import { readBlobErrors } from '@mezzo/web-core';
import type { Observable } from 'rxjs';

export const LICENSES_PATH = '/api/licenses';
export const RULE_SETS_PATH = '/api/rule-sets';

/** The licenses API (see licenses.contracts.ts). */
@Injectable({ providedIn: 'root' })
export class LicensesApi {
  private readonly http = inject(HttpClient);

  ruleSets(): Observable<LicenseTypeOptionDto[]> {
    return this.http.get<LicenseTypeOptionDto[]>(RULE_SETS_PATH);
  }

  list(includeRetired = false): Observable<LicenseDto[]> {
    const params = new HttpParams().set(
      'includeRetired',
      String(includeRetired),
    );
    return this.http.get<LicenseDto[]>(LICENSES_PATH, { params });
  }

  get(id: string): Observable<LicenseDto> {
    return this.http.get<LicenseDto>(
      `${LICENSES_PATH}/${encodeURIComponent(id)}`,
    );
  }

  create(body: CreateLicenseRequest): Observable<LicenseDto> {
    return this.http.post<LicenseDto>(LICENSES_PATH, body);
  }

  update(id: string, body: UpdateLicenseRequest): Observable<LicenseDto> {
    return this.http.patch<LicenseDto>(
      `${LICENSES_PATH}/${encodeURIComponent(id)}`,
      body,
    );
  }

  retire(id: string): Observable<LicenseDto> {
    return this.http.post<LicenseDto>(
      `${LICENSES_PATH}/${encodeURIComponent(id)}/retire`,
      {},
    );
  }

  /** Tracks a retired license again (409 when another active copy of it is tracked). */
  reinstate(id: string): Observable<LicenseDto> {
    return this.http.post<LicenseDto>(
      `${LICENSES_PATH}/${encodeURIComponent(id)}/reinstate`,
      {},
    );
  }

  /** Records (or, with null, withdraws) the renewal of the cycle ending on `renewedThrough`. */
  setRenewedThrough(
    id: string,
    body: RenewedThroughRequest,
  ): Observable<LicenseDto> {
    return this.http.put<LicenseDto>(
      `${LICENSES_PATH}/${encodeURIComponent(id)}/renewed-through`,
      body,
    );
  }

  compliance(id: string): Observable<ComplianceDto> {
    return this.http.get<ComplianceDto>(
      `${LICENSES_PATH}/${encodeURIComponent(id)}/compliance`,
    );
  }

  /** The audit packet of the current cycle: a PDF transcript, or a ZIP of it with the certificates. */
  auditPacket(id: string, kind: 'pdf' | 'zip'): Observable<HttpResponse<Blob>> {
    return this.http
      .get(`${LICENSES_PATH}/${encodeURIComponent(id)}/audit-packet.${kind}`, {
        responseType: 'blob',
        observe: 'response',
      })
      .pipe(readBlobErrors);
  }

  /** The license and its credits as transcript JSON (docs/TRANSCRIPT.md). */
  exportTranscript(id: string): Observable<HttpResponse<Blob>> {
    return this.http
      .get(`${LICENSES_PATH}/${encodeURIComponent(id)}/transcript`, {
        responseType: 'blob',
        observe: 'response',
      })
      .pipe(readBlobErrors);
  }

  importTranscript(
    id: string,
    transcript: unknown,
  ): Observable<TranscriptImportResultDto> {
    return this.http.post<TranscriptImportResultDto>(
      `${LICENSES_PATH}/${encodeURIComponent(id)}/transcript`,
      transcript,
    );
  }
}
