import { HttpClient, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CalendarTokenResponse,
  DeleteAccountRequest,
  SettingsDto,
  UpdateSettingsRequest,
} from '@mezzo/shared-contracts';
import { readBlobErrors } from '@mezzo/web-core';
import type { Observable } from 'rxjs';

/** The signed-in person's settings, calendar feed, data export and account deletion. */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);

  settings(): Observable<SettingsDto> {
    return this.http.get<SettingsDto>('/api/me/settings');
  }

  updateSettings(body: UpdateSettingsRequest): Observable<SettingsDto> {
    return this.http.patch<SettingsDto>('/api/me/settings', body);
  }

  /** A new private feed URL; the previous one stops working at once. */
  createCalendarToken(): Observable<CalendarTokenResponse> {
    return this.http.post<CalendarTokenResponse>('/api/me/calendar-token', {});
  }

  revokeCalendarToken(): Observable<void> {
    return this.http.delete<void>('/api/me/calendar-token');
  }

  /** Everything Mezzo holds about me, as one JSON file. */
  exportData(): Observable<HttpResponse<Blob>> {
    return this.http
      .get('/api/me/export', { responseType: 'blob', observe: 'response' })
      .pipe(readBlobErrors);
  }

  deleteAccount(body: DeleteAccountRequest): Observable<void> {
    return this.http.delete<void>('/api/me', { body });
  }
}
