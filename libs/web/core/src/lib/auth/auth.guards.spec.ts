import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { authGuard, guestGuard } from './auth.guards';
import { AuthStore } from './auth.store';
import { TEST_SESSION } from './session.fixture';

@Component({ template: 'page' })
class Page {}

const session = TEST_SESSION;

describe('route guards', () => {
  let store: AuthStore;
  let router: Router;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'sign-in', canActivate: [guestGuard], component: Page },
          { path: 'dashboard', canActivate: [authGuard], component: Page },
          { path: 'credits', canActivate: [authGuard], component: Page },
        ]),
      ],
    });
    store = TestBed.inject(AuthStore);
    router = TestBed.inject(Router);
    harness = await RouterTestingHarness.create();
  });

  it('authGuard sends a signed-out visitor to sign in with a return URL', async () => {
    store.clearSession();
    await harness.navigateByUrl('/credits?page=2');
    expect(router.url).toBe('/sign-in?returnUrl=%2Fcredits%3Fpage%3D2');
  });

  it('authGuard lets a signed-in person through', async () => {
    store.setSession(session);
    await harness.navigateByUrl('/credits');
    expect(router.url).toBe('/credits');
  });

  it('authGuard waits for the start-up refresh to answer', async () => {
    expect(store.status()).toBe('unknown');
    const navigation = harness.navigateByUrl('/credits');
    store.setSession(session);
    await navigation;
    expect(router.url).toBe('/credits');
  });

  it('guestGuard sends a signed-in person to the dashboard', async () => {
    store.setSession(session);
    await harness.navigateByUrl('/sign-in');
    expect(router.url).toBe('/dashboard');
  });

  it('guestGuard honours a safe returnUrl and ignores an external one', async () => {
    store.setSession(session);
    await harness.navigateByUrl('/sign-in?returnUrl=%2Fcredits');
    expect(router.url).toBe('/credits');
    await harness.navigateByUrl('/sign-in?returnUrl=%2F%2Fevil.example');
    expect(router.url).toBe('/dashboard');
  });

  it('guestGuard shows the page when signed out', async () => {
    store.clearSession();
    await harness.navigateByUrl('/sign-in');
    expect(router.url).toBe('/sign-in');
  });
});
