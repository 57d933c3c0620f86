import {
  HttpClient,
  provideHttpClient,
  withInterceptors,
} from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { ApiErrorBody, SessionResponse } from '@mezzo/shared-contracts';
import { AUTH_PATHS } from './api-paths';
import { authInterceptor } from './auth.interceptor';
import { AuthStore } from './auth.store';
import { TEST_SESSION } from './session.fixture';

const session = (accessToken: string): SessionResponse => ({
  ...TEST_SESSION,
  accessToken,
});
const unauthorized = (code: ApiErrorBody['code']) => ({
  body: { statusCode: 401, code, message: 'no' } satisfies ApiErrorBody,
  opts: { status: 401, statusText: 'Unauthorized' },
});

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let store: AuthStore;
  let navigate: jest.SpyInstance;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(AuthStore);
    navigate = jest
      .spyOn(TestBed.inject(Router), 'navigate')
      .mockResolvedValue(true);
    store.setSession(session('old'));
  });

  afterEach(() => backend.verify());

  it('adds the bearer token to API requests only', () => {
    http.get('/api/licenses').subscribe();
    http.get('https://example.com/api/other').subscribe();
    http.get('/assets/x.json').subscribe();

    expect(
      backend.expectOne('/api/licenses').request.headers.get('Authorization'),
    ).toBe('Bearer old');
    expect(
      backend
        .expectOne('https://example.com/api/other')
        .request.headers.has('Authorization'),
    ).toBe(false);
    expect(
      backend.expectOne('/assets/x.json').request.headers.has('Authorization'),
    ).toBe(false);
  });

  it('sends no Authorization header when signed out', () => {
    store.clearSession();
    http.get('/api/licenses').subscribe();
    expect(
      backend.expectOne('/api/licenses').request.headers.has('Authorization'),
    ).toBe(false);
  });

  it('on a 401 token_expired refreshes once and retries the request with the new token', () => {
    const result: unknown[] = [];
    http.get('/api/licenses').subscribe((body) => result.push(body));

    const { body, opts } = unauthorized('token_expired');
    backend.expectOne('/api/licenses').flush(body, opts);
    const refresh = backend.expectOne(AUTH_PATHS.refresh);
    expect(refresh.request.method).toBe('POST');
    refresh.flush(session('new'));

    const retry = backend.expectOne('/api/licenses');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer new');
    retry.flush([{ id: 'l1' }]);

    expect(result).toEqual([[{ id: 'l1' }]]);
    expect(store.accessToken()).toBe('new');
  });

  it('retries only once: a second 401 reaches the caller', () => {
    const errors: number[] = [];
    http
      .get('/api/licenses')
      .subscribe({ error: (e: { status: number }) => errors.push(e.status) });

    const { body, opts } = unauthorized('token_invalid');
    backend.expectOne('/api/licenses').flush(body, opts);
    backend.expectOne(AUTH_PATHS.refresh).flush(session('new'));
    backend.expectOne('/api/licenses').flush(body, opts);

    backend.expectNone(AUTH_PATHS.refresh);
    expect(errors).toEqual([401]);
  });

  it('concurrent 401s share one refresh', () => {
    const done: string[] = [];
    http.get('/api/a').subscribe(() => done.push('a'));
    http.get('/api/b').subscribe(() => done.push('b'));
    http.get('/api/c').subscribe(() => done.push('c'));

    const { body, opts } = unauthorized('token_expired');
    backend.expectOne('/api/a').flush(body, opts);
    backend.expectOne('/api/b').flush(body, opts);
    const refreshes = backend.match(AUTH_PATHS.refresh);
    expect(refreshes).toHaveLength(1);
    // This one fails while the refresh is still on its way: it joins it.
    backend.expectOne('/api/c').flush(body, opts);
    backend.expectNone(AUTH_PATHS.refresh);
    refreshes[0].flush(session('new'));

    for (const url of ['/api/a', '/api/b', '/api/c']) {
      const retry = backend.expectOne(url);
      expect(retry.request.headers.get('Authorization')).toBe('Bearer new');
      retry.flush({});
    }
    expect(done.sort()).toEqual(['a', 'b', 'c']);
  });

  it('a 401 that arrives after another request refreshed retries with the new token, without refreshing again', () => {
    http.get('/api/a').subscribe();
    http.get('/api/b').subscribe();
    const { body, opts } = unauthorized('token_expired');
    backend.expectOne('/api/a').flush(body, opts);
    backend.expectOne(AUTH_PATHS.refresh).flush(session('new'));
    backend.expectOne('/api/a').flush({});

    backend.expectOne('/api/b').flush(body, opts);
    backend.expectNone(AUTH_PATHS.refresh);
    expect(
      backend.expectOne('/api/b').request.headers.get('Authorization'),
    ).toBe('Bearer new');
  });

  it('when the refresh fails, signs out and goes to sign in with a return URL', () => {
    const errors: string[] = [];
    http.get('/api/licenses').subscribe({
      error: (e: { error: ApiErrorBody }) => errors.push(e.error.code),
    });

    const { body, opts } = unauthorized('token_expired');
    backend.expectOne('/api/licenses').flush(body, opts);
    backend
      .expectOne(AUTH_PATHS.refresh)
      .flush(unauthorized('refresh_reused').body, opts);

    expect(store.status()).toBe('signed-out');
    expect(store.accessToken()).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/sign-in'], {
      queryParams: { returnUrl: '/' },
    });
    expect(errors).toEqual(['token_expired']);
  });

  it('keeps the session when the refresh cannot reach the API, and reports that', () => {
    const statuses: number[] = [];
    http
      .get('/api/licenses')
      .subscribe({ error: (e: { status: number }) => statuses.push(e.status) });

    const { body, opts } = unauthorized('token_expired');
    backend.expectOne('/api/licenses').flush(body, opts);
    backend
      .expectOne(AUTH_PATHS.refresh)
      .error(new ProgressEvent('error'), { status: 0 });

    expect(statuses).toEqual([0]);
    expect(store.status()).toBe('signed-in');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('does not refresh for other 401 codes or for session routes', () => {
    const codes: string[] = [];
    const record = {
      error: (e: { error: ApiErrorBody }) => codes.push(e.error.code),
    };
    http.post(AUTH_PATHS.changePassword, {}).subscribe(record);
    http.post(AUTH_PATHS.signIn, {}).subscribe(record);

    backend
      .expectOne(AUTH_PATHS.changePassword)
      .flush(unauthorized('invalid_credentials').body, {
        status: 401,
        statusText: 'x',
      });
    backend
      .expectOne(AUTH_PATHS.signIn)
      .flush(unauthorized('unauthenticated').body, {
        status: 401,
        statusText: 'x',
      });

    backend.expectNone(AUTH_PATHS.refresh);
    expect(codes).toEqual(['invalid_credentials', 'unauthenticated']);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('does not refresh on other statuses', () => {
    const statuses: number[] = [];
    http
      .get('/api/licenses')
      .subscribe({ error: (e: { status: number }) => statuses.push(e.status) });
    backend
      .expectOne('/api/licenses')
      .flush(
        { statusCode: 403, code: 'forbidden', message: 'no' },
        { status: 403, statusText: 'Forbidden' },
      );
    backend.expectNone(AUTH_PATHS.refresh);
    expect(statuses).toEqual([403]);
  });
});
