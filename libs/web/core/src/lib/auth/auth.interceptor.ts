import {
  HttpErrorResponse,
  type HttpInterceptorFn,
  type HttpRequest,
} from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import type { ErrorCode } from '@mezzo/shared-contracts';
import { catchError, map, of, switchMap, throwError } from 'rxjs';
import { errorCode } from '../http/api-error';
import { isApiUrl, isSessionUrl } from './api-paths';
import { AuthStore, isRefreshRefused } from './auth.store';

const REFRESHABLE: readonly ErrorCode[] = [
  'token_expired',
  'token_invalid',
  'session_ended',
  'unauthenticated',
];

function withBearer<T>(
  req: HttpRequest<T>,
  token: string | null,
): HttpRequest<T> {
  return token
    ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } })
    : req;
}

function needsRefresh(req: HttpRequest<unknown>, err: unknown): boolean {
  if (
    !(err instanceof HttpErrorResponse) ||
    err.status !== 401 ||
    isSessionUrl(req.url)
  ) {
    return false;
  }
  const code = errorCode(err);
  return code !== null && REFRESHABLE.includes(code);
}

/**
 * Adds the access token to our API's requests. When the API says the token is stale, refreshes it
 * once (concurrent requests share that refresh) and retries the request once; when the refresh
 * is refused, the session is over: sign out locally and go to the sign-in page, coming back after.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isApiUrl(req.url)) return next(req);
  const store = inject(AuthStore);
  const router = inject(Router);
  const sentToken = store.accessToken();

  return next(withBearer(req, sentToken)).pipe(
    catchError((err: unknown) => {
      if (!needsRefresh(req, err)) return throwError(() => err);
      // Another request may have refreshed while this one was in flight: use its token.
      const current = store.accessToken();
      const token$ =
        current && current !== sentToken
          ? of(current)
          : store.refresh().pipe(map((session) => session.accessToken));
      return token$.pipe(
        catchError((refreshErr: unknown) => {
          // Offline or the API is down: keep the session, report that instead.
          if (!isRefreshRefused(refreshErr))
            return throwError(() => refreshErr);
          store.clearSession();
          const returnUrl = router.url;
          void router.navigate(['/sign-in'], {
            queryParams: returnUrl.startsWith('/sign-in') ? {} : { returnUrl },
          });
          return throwError(() => err);
        }),
        // `next` goes on down the chain, not through this interceptor again: one retry at most.
        switchMap((token) => next(withBearer(req, token))),
      );
    }),
  );
};
