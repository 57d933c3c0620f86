import { inject } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { type CanActivateFn, Router } from '@angular/router';
import { type Observable, filter, map, of, take } from 'rxjs';
import { safeReturnUrl } from './return-url';
import { AuthStore, type AuthStatus } from './auth.store';

/** The status once the start-up refresh has answered (the app initializer usually has by now). */
function settledStatus(): Observable<AuthStatus> {
  const store = inject(AuthStore);
  const status = store.status();
  if (status !== 'unknown') return of(status);
  return toObservable(store.status).pipe(
    filter((s) => s !== 'unknown'),
    take(1),
  );
}

/** Pages for signed-in people; anyone else goes to sign in, and comes back afterwards. */
export const authGuard: CanActivateFn = (_route, state) => {
  const router = inject(Router);
  return settledStatus().pipe(
    map((status) =>
      status === 'signed-in'
        ? true
        : router.createUrlTree(['/sign-in'], {
            queryParams: { returnUrl: state.url },
          }),
    ),
  );
};

/** Sign-in, sign-up and password pages: a signed-in person goes on to where they were heading. */
export const guestGuard: CanActivateFn = (route) => {
  const router = inject(Router);
  return settledStatus().pipe(
    map((status) =>
      status === 'signed-in'
        ? router.parseUrl(safeReturnUrl(route.queryParamMap.get('returnUrl')))
        : true,
    ),
  );
};
