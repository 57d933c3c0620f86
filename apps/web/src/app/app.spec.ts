import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  Router,
  provideRouter,
  withComponentInputBinding,
} from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AUTH_PATHS, AuthStore, authInterceptor } from '@mezzo/web-core';
import { TEST_SESSION } from '@mezzo/web-core/testing';
import { appRoutes } from './app.routes';

describe('app routes', () => {
  let harness: RouterTestingHarness;
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes, withComponentInputBinding()),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    router = TestBed.inject(Router);
    harness = await RouterTestingHarness.create();
  });

  const signIn = () => TestBed.inject(AuthStore).setSession(TEST_SESSION);

  it('sends a signed-out visitor from / to sign in, remembering the dashboard', async () => {
    TestBed.inject(AuthStore).clearSession();
    await harness.navigateByUrl('/');
    expect(router.url).toBe('/sign-in?returnUrl=%2Fdashboard');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toBe(
      'Sign in',
    );
  });

  it('opens the shell at the dashboard when signed in', async () => {
    signIn();
    await harness.navigateByUrl('/');
    expect(router.url).toBe('/dashboard');
    const shell = harness.routeNativeElement;
    expect(shell?.querySelector('header')?.textContent).toContain('Mezzo');
    expect(
      shell?.querySelector('[role="navigation"][aria-label="Main"]'),
    ).not.toBeNull();
  });

  it('shows change password inside the shell', async () => {
    signIn();
    await harness.navigateByUrl('/account/password');
    const main = harness.routeNativeElement?.querySelector('main');
    expect(main?.querySelector('h1')?.textContent).toBe('Change password');
  });

  it('shows a not-found page for unknown paths', async () => {
    TestBed.inject(AuthStore).clearSession();
    await harness.navigateByUrl('/nowhere');
    expect(harness.routeNativeElement?.textContent).toContain(
      'We could not find that page',
    );
  });

  it('binds ?token= on the reset page', async () => {
    TestBed.inject(AuthStore).clearSession();
    await harness.navigateByUrl('/reset-password');
    expect(harness.routeNativeElement?.textContent).toContain(
      'This reset link is incomplete',
    );
    await harness.navigateByUrl('/reset-password?token=abc');
    expect(
      harness.routeNativeElement?.querySelector(
        'input[autocomplete="new-password"]',
      ),
    ).not.toBeNull();
    TestBed.inject(HttpTestingController).expectNone(AUTH_PATHS.refresh);
  });
});
