import { HttpClient, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CalendarTokenResponse,
  ChangeEmailRequest,
  ConfirmEmailChangeRequest,
  DeleteAccountRequest,
  EmailChangedDto,
  EmailChangeStatusDto,
  EmailRevertedDto,
  RevertEmailChangeRequest,
  SettingsDto,
  UpdateProfileRequest,
  UpdateSettingsRequest,
  UserDto,
} from '@mezzo/shared-contracts';
import { readBlobErrors } from '@mezzo/web-core';
import type { Observable } from 'rxjs';

/**
 * The signed-in person's name and email, settings, calendar feed, data export, sessions and account
 * deletion.
 */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);

  /** Answers the updated user, for AuthStore.updateUser. */
  updateProfile(body: UpdateProfileRequest): Observable<UserDto> {
    return this.http.patch<UserDto>('/api/me', body);
  }

  /**
   * Emails a confirmation link to the new address; 202 whether or not that address has an
   * account. The email changes only when the link is opened.
   */
  requestEmailChange(body: ChangeEmailRequest): Observable<void> {
    return this.http.post<void>('/api/me/email', body);
  }

  /** My change of sign-in email still waiting for its link (`pending: null` when there is none). */
  emailChangeStatus(): Observable<EmailChangeStatusDto> {
    return this.http.get<EmailChangeStatusDto>('/api/me/email');
  }

  /** Cancels my pending change of sign-in email, if any: its link stops working. */
  cancelEmailChange(): Observable<void> {
    return this.http.delete<void>('/api/me/email');
  }

  /** The emailed link's token; needs no session (the link may be opened on another device). */
  confirmEmailChange(
    body: ConfirmEmailChangeRequest,
  ): Observable<EmailChangedDto> {
    return this.http.post<EmailChangedDto>('/api/me/email/confirm', body);
  }

  /**
   * The token of the "this wasn't me" link sent to the old address; needs no session. Sets the
   * sign-in email back and ends every session of the account, this browser's included.
   */
  revertEmailChange(
    body: RevertEmailChangeRequest,
  ): Observable<EmailRevertedDto> {
    return this.http.post<EmailRevertedDto>('/api/me/email/revert', body);
  }

  /** Ends every session of the account, this one included (the refresh cookie is cleared). */
  signOutEverywhere(): Observable<void> {
    return this.http.post<void>('/api/auth/sign-out-everywhere', null);
  }

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
