import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ComplianceDto,
  CreateLicenseRequest,
  LicenseDto,
  LicenseTypeOptionDto,
  UpdateLicenseRequest,
} from '@mezzo/shared-contracts';
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

  compliance(id: string): Observable<ComplianceDto> {
    return this.http.get<ComplianceDto>(
      `${LICENSES_PATH}/${encodeURIComponent(id)}/compliance`,
    );
  }
}
