import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ChangePasswordRequest,
  ForgotPasswordRequest,
  RegisterRequest,
  ResetPasswordRequest,
  SessionResponse,
  SignInRequest,
  UserDto,
} from '@mezzo/shared-contracts';
import type { Observable } from 'rxjs';
import { AUTH_PATHS } from './api-paths';

/** Thin HttpClient wrappers of the auth routes. State lives in AuthStore, not here. */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  register(body: RegisterRequest): Observable<SessionResponse> {
    return this.http.post<SessionResponse>(AUTH_PATHS.register, body);
  }

  signIn(body: SignInRequest): Observable<SessionResponse> {
    return this.http.post<SessionResponse>(AUTH_PATHS.signIn, body);
  }

  /** The refresh token travels only in the httpOnly cookie, which the browser adds itself. */
  refresh(): Observable<SessionResponse> {
    return this.http.post<SessionResponse>(AUTH_PATHS.refresh, null);
  }

  signOut(): Observable<void> {
    return this.http.post<void>(AUTH_PATHS.signOut, null);
  }

  changePassword(body: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>(AUTH_PATHS.changePassword, body);
  }

  forgotPassword(body: ForgotPasswordRequest): Observable<void> {
    return this.http.post<void>(AUTH_PATHS.forgotPassword, body);
  }

  /** 204 while the reset link still works; 400 `invalid_reset_token` otherwise. */
  checkResetToken(token: string): Observable<void> {
    return this.http.post<void>(AUTH_PATHS.checkResetToken, { token });
  }

  resetPassword(body: ResetPasswordRequest): Observable<void> {
    return this.http.post<void>(AUTH_PATHS.resetPassword, body);
  }

  me(): Observable<UserDto> {
    return this.http.get<UserDto>(AUTH_PATHS.me);
  }
}
