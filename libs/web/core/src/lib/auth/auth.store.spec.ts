import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { MembershipDto } from '@mezzo/shared-contracts';
import { firstValueFrom } from 'rxjs';
import { AUTH_PATHS } from './api-paths';
import { AuthStore } from './auth.store';
import { TEST_SESSION } from './session.fixture';

const session = TEST_SESSION;
const CHAPTER: MembershipDto = {
  organizationId: 'o1',
  organizationName: 'NASW New Jersey Chapter',
  kind: 'association',
  role: 'owner',
};

describe('AuthStore', () => {
  let store: AuthStore;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    store = TestBed.inject(AuthStore);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  afterEach(() => localStorage.clear());

  it('starts unknown and restores a session from the refresh cookie', async () => {
    localStorage.setItem('mz.session', 'yes');
    expect(store.status()).toBe('unknown');
    const restored = store.restore();
    backend.expectOne(AUTH_PATHS.refresh).flush(session);
    await expect(restored).resolves.toBe('signed-in');
    expect(store.user()?.name).toBe('Ada Lovelace');
    expect(store.accessToken()).toBe('tok');
  });

  it('is signed out when the silent refresh is refused', async () => {
    localStorage.setItem('mz.session', 'yes');
    const restored = store.restore();
    backend
      .expectOne(AUTH_PATHS.refresh)
      .flush(
        { statusCode: 401, code: 'token_invalid', message: 'x' },
        { status: 401, statusText: 'x' },
      );
    await expect(restored).resolves.toBe('signed-out');
    expect(store.status()).toBe('signed-out');
    expect(localStorage.getItem('mz.session')).toBe('none');
  });

  it('skips the start-up refresh in a browser that is not signed in (no refused request)', async () => {
    await expect(store.restore()).resolves.toBe('signed-out');
    backend.expectNone(AUTH_PATHS.refresh);
    localStorage.setItem('mz.session', 'none');
    await expect(store.restore()).resolves.toBe('signed-out');
    backend.expectNone(AUTH_PATHS.refresh);
  });

  it('remembers that this browser is signed in, and forgets it on sign-out', async () => {
    store.setSession(session);
    expect(localStorage.getItem('mz.session')).toBe('yes');
    const out = firstValueFrom(store.signOut());
    backend
      .expectOne(AUTH_PATHS.signOut)
      .flush(null, { status: 204, statusText: 'No Content' });
    await out;
    expect(localStorage.getItem('mz.session')).toBe('none');
  });

  it('takes a changed user at once and keeps the session, but not for someone else', () => {
    store.setSession(session);
    store.updateUser({ ...session.user, name: 'Ada King' });
    expect(store.user()?.name).toBe('Ada King');
    expect(store.accessToken()).toBe('tok');
    expect(store.isSignedIn()).toBe(true);
    store.updateUser({ ...session.user, id: 'u2', name: 'Someone Else' });
    expect(store.user()?.name).toBe('Ada King');
    store.clearSession();
    store.updateUser({ ...session.user, name: 'Too Late' });
    expect(store.user()).toBeNull();
  });

  it('reloads the signed-in person from GET /me, so their memberships follow the server', () => {
    store.setSession(session);
    store.reloadUser();
    const req = backend.expectOne(AUTH_PATHS.me);
    expect(req.request.method).toBe('GET');
    req.flush({ ...session.user, memberships: [CHAPTER] });
    expect(store.user()?.memberships).toEqual([CHAPTER]);
    expect(store.accessToken()).toBe('tok');
  });

  it('lets the newest reload win, and keeps what it has when a reload fails', () => {
    store.setSession({
      ...session,
      user: { ...session.user, memberships: [CHAPTER] },
    });
    store.reloadUser();
    store.reloadUser();
    const [older, newer] = backend.match(AUTH_PATHS.me);
    expect(older.cancelled).toBe(true);
    newer.flush({ ...session.user, memberships: [] });
    expect(store.user()?.memberships).toEqual([]);

    store.reloadUser();
    backend
      .expectOne(AUTH_PATHS.me)
      .flush(null, { status: 503, statusText: 'Unavailable' });
    expect(store.user()?.memberships).toEqual([]);
    expect(store.isSignedIn()).toBe(true);
  });

  it('asks nothing when nobody is signed in, and drops an answer that comes after sign-out', () => {
    store.reloadUser();
    backend.expectNone(AUTH_PATHS.me);
    store.setSession(session);
    store.reloadUser();
    const req = backend.expectOne(AUTH_PATHS.me);
    store.clearSession();
    expect(req.cancelled).toBe(true);
    expect(store.user()).toBeNull();
  });

  it('signs in and keeps the token in memory only', async () => {
    const signedIn = firstValueFrom(
      store.signIn({ email: 'ada@example.com', password: 'x' }),
    );
    backend.expectOne(AUTH_PATHS.signIn).flush(session);
    await expect(signedIn).resolves.toEqual(session.user);
    expect(store.isSignedIn()).toBe(true);
    expect(JSON.stringify(localStorage)).not.toContain('tok');
  });

  it('signs out locally even when the server call fails', async () => {
    store.setSession(session);
    const out = firstValueFrom(store.signOut());
    backend
      .expectOne(AUTH_PATHS.signOut)
      .flush(null, { status: 0, statusText: 'Unknown Error' });
    await out;
    expect(store.status()).toBe('signed-out');
    expect(store.user()).toBeNull();
  });
});
