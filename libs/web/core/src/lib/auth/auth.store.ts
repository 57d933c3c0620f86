import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  ChangePasswordRequest,
  RegisterRequest,
  SessionResponse,
  SignInRequest,
  UserDto,
} from '@mezzo/shared-contracts';
import {
  type Observable,
  catchError,
  finalize,
  firstValueFrom,
  map,
  of,
  type Subscription,
  shareReplay,
  switchMap,
  tap,
  timeout,
} from 'rxjs';
import { AuthApi } from './auth.api';

export type AuthStatus = 'unknown' | 'signed-in' | 'signed-out';

/** How long the silent refresh at start-up may hold the first screen. */
const RESTORE_TIMEOUT_MS = 10_000;

/**
 * True when the server answered a refresh with "no": the session is over. A network failure or a
 * 5xx says nothing about the session, so it does not sign anyone out.
 */
export function isRefreshRefused(err: unknown): boolean {
  return (
    err instanceof HttpErrorResponse && err.status >= 400 && err.status < 500
  );
}

/**
 * Whether this browser was signed in when it last knew (a flag, no secret): without it the start-up
 * refresh is skipped, so a visitor who is not signed in causes no refused request (and no console
 * error). Storage that cannot be read (some private modes) counts as "maybe": refresh.
 */
const SESSION_HINT_KEY = 'mz.session';

function readHint(): boolean {
  try {
    const storage = globalThis.localStorage;
    return storage ? storage.getItem(SESSION_HINT_KEY) === 'yes' : true;
  } catch {
    return true;
  }
}

function writeHint(signedIn: boolean): void {
  try {
    globalThis.localStorage?.setItem(
      SESSION_HINT_KEY,
      signedIn ? 'yes' : 'none',
    );
  } catch {
    // Without storage the start-up refresh always runs: correct, only noisier.
  }
}

/**
 * The session: who is signed in and their access token, in memory only (never localStorage;
 * the refresh token is an httpOnly cookie the page cannot read).
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly api = inject(AuthApi);

  private readonly userState = signal<UserDto | null>(null);
  private readonly tokenState = signal<string | null>(null);
  private readonly statusState = signal<AuthStatus>('unknown');
  private refreshInFlight: Observable<SessionResponse> | null = null;
  private userReload: Subscription | null = null;

  readonly user = this.userState.asReadonly();
  readonly accessToken = this.tokenState.asReadonly();
  readonly status = this.statusState.asReadonly();
  readonly isSignedIn = computed(() => this.statusState() === 'signed-in');

  register(body: RegisterRequest): Observable<UserDto> {
    return this.api
      .register(body)
      .pipe(map((session) => this.setSession(session)));
  }

  signIn(body: SignInRequest): Observable<UserDto> {
    return this.api
      .signIn(body)
      .pipe(map((session) => this.setSession(session)));
  }

  /**
   * Changes the password. The server then ends every session, this one included, and sets the
   * cookie of a new one: the new session's access token is fetched at once, so the next request
   * does not meet a `session_ended` 401 first. A failed refresh leaves that to the interceptor.
   */
  changePassword(body: ChangePasswordRequest): Observable<void> {
    return this.api.changePassword(body).pipe(
      switchMap(() =>
        this.refresh().pipe(
          map(() => undefined),
          catchError(() => of(undefined)),
        ),
      ),
    );
  }

  /**
   * Trades the refresh cookie for a new access token. Concurrent callers share one request, so a
   * burst of 401s costs one refresh (and one cookie rotation, which the server checks for reuse).
   * A refused refresh ends the session here; an unreachable API leaves it as it was.
   */
  refresh(): Observable<SessionResponse> {
    this.refreshInFlight ??= this.api.refresh().pipe(
      tap({
        next: (session) => this.setSession(session),
        error: (err: unknown) => {
          if (isRefreshRefused(err)) this.clearSession();
        },
      }),
      finalize(() => (this.refreshInFlight = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.refreshInFlight;
  }

  /** At start-up: a reload keeps you signed in when the refresh cookie is still good. */
  restore(): Promise<AuthStatus> {
    if (!readHint()) {
      this.clearSession();
      return Promise.resolve('signed-out');
    }
    return firstValueFrom(
      this.refresh().pipe(
        timeout(RESTORE_TIMEOUT_MS),
        map((): AuthStatus => 'signed-in'),
        catchError(() => {
          this.clearSession();
          return of<AuthStatus>('signed-out');
        }),
      ),
    );
  }

  /** Ends the session on the server (revokes the refresh cookie); locally it ends whatever the answer. */
  signOut(): Observable<void> {
    return this.api.signOut().pipe(
      catchError(() => of(undefined)),
      map(() => this.clearSession()),
    );
  }

  setSession(session: SessionResponse): UserDto {
    this.userState.set(session.user);
    this.tokenState.set(session.accessToken);
    this.statusState.set('signed-in');
    writeHint(true);
    return session.user;
  }

  /**
   * Shows what the server now says about the signed-in person (after a change of name), keeping the
   * token. An answer for someone who is no longer signed in here is dropped.
   */
  updateUser(user: UserDto): void {
    if (this.userState()?.id === user.id) this.userState.set(user);
  }

  /**
   * Fetches the signed-in person again (GET /me) after a change elsewhere that the session shows,
   * such as creating or leaving an organisation: the server's answer is the one source of
   * truth for the memberships, so nothing is patched here by hand. The store owns the request, so
   * it completes even when the page that asked navigates away; a newer reload replaces an older one,
   * so a slow answer never overwrites a fresher one. A failure keeps what is shown until the next
   * reload or sign-in (a stale token is refreshed by the interceptor first).
   */
  reloadUser(): void {
    if (this.statusState() !== 'signed-in') return;
    this.userReload?.unsubscribe();
    this.userReload = this.api.me().subscribe({
      next: (user) => this.updateUser(user),
      error: () => undefined,
    });
  }

  clearSession(): void {
    this.userReload?.unsubscribe();
    this.userReload = null;
    this.userState.set(null);
    this.tokenState.set(null);
    this.statusState.set('signed-out');
    writeHint(false);
  }
}
