import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreditDto,
  CreditEventDto,
  CreditInput,
  Page,
  UpdateCreditRequest,
} from '@mezzo/shared-contracts';
import type { Observable } from 'rxjs';

export const CREDITS_PATH = '/api/credits';
export const CREDITS_EXPORT_PATH = '/api/credits/export.csv';

export interface CreditsQuery {
  page: number;
  pageSize: number;
  deleted: boolean;
}

/** The credit log API (see credits.contracts.ts). */
@Injectable({ providedIn: 'root' })
export class CreditsApi {
  private readonly http = inject(HttpClient);

  list(q: CreditsQuery): Observable<Page<CreditDto>> {
    const params = new HttpParams()
      .set('page', q.page)
      .set('pageSize', q.pageSize)
      .set('deleted', String(q.deleted));
    return this.http.get<Page<CreditDto>>(CREDITS_PATH, { params });
  }

  get(id: string): Observable<CreditDto> {
    return this.http.get<CreditDto>(this.url(id));
  }

  create(body: CreditInput): Observable<CreditDto> {
    return this.http.post<CreditDto>(CREDITS_PATH, body);
  }

  update(id: string, body: UpdateCreditRequest): Observable<CreditDto> {
    return this.http.patch<CreditDto>(this.url(id), body);
  }

  delete(id: string): Observable<void> {
    return this.http.delete<void>(this.url(id));
  }

  restore(id: string): Observable<CreditDto> {
    return this.http.post<CreditDto>(`${this.url(id)}/restore`, {});
  }

  history(id: string): Observable<CreditEventDto[]> {
    return this.http.get<CreditEventDto[]>(`${this.url(id)}/history`);
  }

  /** The CSV as a blob: fetched through HttpClient so the Bearer token goes along. */
  exportCsv(): Observable<Blob> {
    return this.http.get(CREDITS_EXPORT_PATH, { responseType: 'blob' });
  }

  private url(id: string): string {
    return `${CREDITS_PATH}/${encodeURIComponent(id)}`;
  }
}
