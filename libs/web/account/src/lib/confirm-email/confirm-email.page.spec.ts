import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { UserDto } from '@mezzo/shared-contracts';
import { AuthStore } from '@mezzo/web-core';
import { ConfirmEmailPage } from './confirm-email.page';

const ROBIN: UserDto = {
  id: 'u1',
  email: 'robin@example.com',
  name: 'Robin Okafor',
  isPlatformAdmin: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  memberships: [],
};

describe('ConfirmEmailPage', () => {
  let fixture: ComponentFixture<ConfirmEmailPage>;
  let el: HTMLElement;
  let backend: HttpTestingController;
  let navigate: jest.SpyInstance;
  let auth: AuthStore;
  const url = '/api/me/email/confirm';
  const stable = () => fixture.whenStable();
  const outcome = () => el.querySelector<HTMLElement>('.mz-outcome');
  const links = () =>
    Array.from(el.querySelectorAll('a')).map((a) => [
      a.textContent?.trim(),
      a.getAttribute('href'),
    ]);
  const fail = (status: number, code: string) =>
    backend
      .expectOne({ method: 'POST', url })
      .flush(
        { statusCode: status, code, message: 'x' },
        { status, statusText: 'Error' },
      );

  async function open(token?: string) {
    fixture = TestBed.createComponent(ConfirmEmailPage);
    if (token) fixture.componentRef.setInput('token', token);
    el = fixture.nativeElement;
    await stable();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ConfirmEmailPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthStore);
    navigate = jest
      .spyOn(TestBed.inject(Router), 'navigate')
      .mockResolvedValue(true);
  });

  afterEach(() => backend.verify());

  it('confirms the token from the link at once, showing progress, and takes it out of the address bar', async () => {
    await open('tok-123');
    const req = backend.expectOne({ method: 'POST', url });
    expect(req.request.body).toEqual({ token: 'tok-123' });
    expect(el.querySelector('h1')?.textContent).toContain(
      'Confirm your new email',
    );
    expect(
      el.querySelector(
        'mat-progress-bar[aria-label="Confirming your new sign-in email"]',
      ),
    ).not.toBeNull();
    expect(el.querySelector('[aria-busy="true"]')).not.toBeNull();
    expect(navigate).toHaveBeenCalledWith(
      [],
      expect.objectContaining({ queryParams: {}, replaceUrl: true }),
    );
    req.flush({ email: 'robin.new@example.org' });
    await stable();
    expect(el.querySelector('[role="status"]')?.textContent).toContain(
      'Your sign-in email is now robin.new@example.org.',
    );
    expect(el.querySelector('mat-progress-bar')).toBeNull();
    // Focus lands on the outcome, which is read out; the next step follows it.
    expect(document.activeElement).toBe(outcome());
    // Nobody is signed in here (another device): sign in with the new address.
    expect(links()).toEqual([['Sign in', '/sign-in']]);
  });

  it('shows the new address in the signed-in account at once', async () => {
    auth.setSession({ accessToken: 't', user: ROBIN, expiresIn: 900 });
    await open('tok-123');
    backend
      .expectOne({ method: 'POST', url })
      .flush({ email: 'robin.new@example.org' });
    await stable();
    backend
      .expectOne({ method: 'GET', url: '/api/me' })
      .flush({ ...ROBIN, email: 'robin.new@example.org' });
    await stable();
    expect(auth.user()?.email).toBe('robin.new@example.org');
    expect(links()).toEqual([['Go to your account', '/account']]);
  });

  it('says an expired, used or replaced link is dead and where to ask for a new one', async () => {
    await open('old');
    fail(400, 'invalid_email_change_token');
    await stable();
    const alert = el.querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toContain(
      'This link is invalid, has expired or was already used.',
    );
    expect(alert).toContain('for 24 hours');
    expect(alert).toContain('Ask for a new one on your account page.');
    expect(document.activeElement).toBe(outcome());
    expect(el.querySelector('[role="status"]')).toBeNull();
  });

  it('says the address was taken in the meantime and nothing changed', async () => {
    auth.setSession({ accessToken: 't', user: ROBIN, expiresIn: 900 });
    await open('tok');
    fail(409, 'email_taken');
    await stable();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'Another Mezzo account signs in with this address now, so your email was not changed.',
    );
    expect(auth.user()?.email).toBe('robin@example.com');
    expect(links()).toEqual([['Go to your account', '/account']]);
  });

  it('offers to try again when Mezzo could not be reached, with the same token', async () => {
    await open('tok-9');
    backend
      .expectOne({ method: 'POST', url })
      .error(new ProgressEvent('error'), { status: 0 });
    await stable();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'Your new email was not confirmed. Cannot reach Mezzo.',
    );
    const retry = Array.from(el.querySelectorAll('button')).find(
      (b) => b.textContent?.trim() === 'Try again',
    )!;
    retry.focus();
    retry.click();
    await stable();
    const again = backend.expectOne({ method: 'POST', url });
    expect(again.request.body).toEqual({ token: 'tok-9' });
    again.flush({ email: 'robin.new@example.org' });
    await stable();
    expect(el.textContent).toContain(
      'Your sign-in email is now robin.new@example.org.',
    );
    // The button that had focus is gone: focus is on the outcome, not lost to the page.
    expect(document.activeElement).toBe(outcome());
  });

  it('says a link without its token is incomplete, and sends nothing', async () => {
    await open();
    backend.expectNone({ method: 'POST', url });
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'This confirmation link is incomplete.',
    );
    expect(navigate).not.toHaveBeenCalled();
  });
});
