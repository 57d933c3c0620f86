import {
  provideHttpClient,
  withFetch,
  withInterceptors,
} from '@angular/common/http';
import {
  type ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import {
  provideRouter,
  withComponentInputBinding,
  withInMemoryScrolling,
  withNavigationErrorHandler,
} from '@angular/router';
import {
  authInterceptor,
  provideAuth,
  reportNavigationError,
} from '@mezzo/web-core';
import { appRoutes } from './app.routes';

/**
 * The router's features, exported for the specs: a page whose code cannot be fetched (offline, or
 * a tab older than the last deploy) says so.
 */
export const routerFeatures = [
  withComponentInputBinding(),
  withInMemoryScrolling({ scrollPositionRestoration: 'top' }),
  withNavigationErrorHandler(reportNavigationError),
] as const;

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideHttpClient(withFetch(), withInterceptors([authInterceptor])),
    // Query parameters (?returnUrl, ?token) and route data arrive as component inputs.
    provideRouter(appRoutes, ...routerFeatures),
    provideAuth(),
    // Form-field defaults (dynamic subscript sizing) are provided by the lazy shell and the
    // signed-out pages (`formFieldDefaults` in web-ui), so Material's form field stays out of the
    // first load.
  ],
};
