import {
  type EnvironmentProviders,
  inject,
  makeEnvironmentProviders,
  provideAppInitializer,
} from '@angular/core';
import { AuthStore } from './auth.store';

/**
 * Tries a silent refresh before the first route resolves, so a reload keeps you signed in and the
 * guards know the answer. Pair with `provideHttpClient(withInterceptors([authInterceptor]))`.
 */
export function provideAuth(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideAppInitializer(() =>
      inject(AuthStore)
        .restore()
        .then(() => undefined),
    ),
  ]);
}
