import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { UserDto } from '@mezzo/shared-contracts';
import { AuthStore, HELP_PATH } from '@mezzo/web-core';
import { RevertEmailPage } from './revert-email.page';

const ROBIN: UserDto = {
  id: 'u1',
  email: 'robin.new@example.org',
  name: 'Robin Okafor',
  isPlatformAdmin: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  memberships: [],
};

describe('RevertEmailPage', () => {
  let fixture: ComponentFixture<RevertEmailPage>;
  let el: HTMLElement;
  let backend: HttpTestingController;
  let navigate: jest.SpyInstance;
  let auth: AuthStore;
  const url = '/api/me/email/revert';
  const stable = () => fixture.whenStable();
  const outcome = () => el.querySelector<HTMLElement>('.mz-outcome');
  const button = () =>
    el.querySelector<HTMLButtonElement>('button[type="submit"]');
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
    fixture = TestBed.createComponent(RevertEmailPage);
    if (token) fixture.componentRef.setInput('token', token);
    el = fixture.nativeElement;
    await stable();
  }

  /** Presses "Undo this change" and waits for the request to be sent. */
  async function undo() {
    button()!.click();
    await stable();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [RevertEmailPage],
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

  it('changes nothing on opening: it explains what undoing does, asks for the click, and takes the token out of the address bar', async () => {
    await open('tok-123');
    backend.expectNone({ method: 'POST', url });
    expect(el.querySelector('h1')?.textContent).toContain(
      'Undo the change of your sign-in email',
    );
    const text = el.textContent ?? '';
    expect(text).toContain(
      'every device signed in to the account is signed out',
    );
    expect(text).toContain('the current password stops working');
    expect(text).toContain('nothing changes unless you press the button');
    expect(button()?.textContent?.trim()).toBe('Undo this change');
    expect(el.querySelector('[aria-live="polite"]')).not.toBeNull();
    expect(navigate).toHaveBeenCalledWith(
      [],
      expect.objectContaining({ queryParams: {}, replaceUrl: true }),
    );
    expect(links()).toEqual([]);
  });

  it('undoes the change on the click, showing progress, then says which address signs in and where the password link went', async () => {
    await open('tok-123');
    await undo();
    const req = backend.expectOne({ method: 'POST', url });
    expect(req.request.body).toEqual({ token: 'tok-123' });
    expect(button()?.textContent?.trim()).toBe('Undoing the change…');
    expect(button()?.getAttribute('aria-disabled')).toBe('true');
    expect(
      el.querySelector(
        'mat-progress-bar[aria-label="Undoing the change of sign-in email"]',
      ),
    ).not.toBeNull();
    expect(
      el.querySelector('[aria-live="polite"]')?.getAttribute('aria-busy'),
    ).toBe('true');
    // A second press while it runs sends nothing more.
    await undo();
    backend.expectNone({ method: 'POST', url });

    req.flush({ email: 'robin@example.com' });
    await stable();
    expect(
      el
        .querySelector('[role="status"]')
        ?.textContent?.replace(/\s+/g, ' ')
        .trim(),
    ).toBe(
      'Your sign-in email is robin@example.com again. We signed you out everywhere and sent a link to robin@example.com to set a new password.',
    );
    expect(
      el.querySelector('[aria-live="polite"]')?.getAttribute('aria-busy'),
    ).toBe('false');
    expect(el.querySelector('mat-progress-bar')).toBeNull();
    expect(button()).toBeNull();
    // Focus lands on the outcome, which is read out; the next step follows it.
    expect(document.activeElement).toBe(outcome());
    expect(links()).toEqual([['Sign in', '/sign-in']]);
  });

  it('ends the session in this browser too, since every session ended', async () => {
    auth.setSession({ accessToken: 't', user: ROBIN, expiresIn: 900 });
    await open('tok');
    await undo();
    backend
      .expectOne({ method: 'POST', url })
      .flush({ email: 'robin@example.com' });
    await stable();
    expect(auth.isSignedIn()).toBe(false);
    expect(auth.accessToken()).toBeNull();
  });

  it('says a dead link no longer works and what to do, without the button', async () => {
    auth.setSession({ accessToken: 't', user: ROBIN, expiresIn: 900 });
    await open('old');
    await undo();
    fail(400, 'invalid_email_revert_token');
    await stable();
    // The support address arrives from the API: until then, the Help page.
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'write to Mezzo support at the address on the Help page',
    );
    backend
      .expectOne({ method: 'GET', url: HELP_PATH })
      .flush({ supportEmail: 'help@mezzo.test' });
    await stable();
    const alert = el.querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toContain('This link no longer works.');
    expect(alert).toContain('for 7 days');
    expect(alert).toContain('write to Mezzo support at help@mezzo.test');
    expect(
      el.querySelector('[role="alert"] a[href="mailto:help@mezzo.test"]'),
    ).not.toBeNull();
    expect(document.activeElement).toBe(outcome());
    expect(button()).toBeNull();
    expect(el.querySelector('[role="status"]')).toBeNull();
    // Nothing ended: a signed-in session here stays.
    expect(auth.isSignedIn()).toBe(true);
  });

  it('says the previous address belongs to another account now and nothing changed', async () => {
    await open('tok');
    await undo();
    fail(409, 'email_taken');
    await stable();
    backend
      .expectOne({ method: 'GET', url: HELP_PATH })
      .flush({ supportEmail: 'help@mezzo.test' });
    await stable();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'Another Mezzo account signs in with your previous address now, so the change was not undone',
    );
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'Write to Mezzo support at help@mezzo.test',
    );
    expect(document.activeElement).toBe(outcome());
    expect(button()).toBeNull();
  });

  it('offers the button again when Mezzo could not be reached, with the same token', async () => {
    await open('tok-9');
    await undo();
    backend
      .expectOne({ method: 'POST', url })
      .error(new ProgressEvent('error'), { status: 0 });
    await stable();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'The change was not undone. Cannot reach Mezzo.',
    );
    expect(document.activeElement).toBe(outcome());
    expect(button()?.textContent?.trim()).toBe('Undo this change');
    await undo();
    const again = backend.expectOne({ method: 'POST', url });
    expect(again.request.body).toEqual({ token: 'tok-9' });
    again.flush({ email: 'robin@example.com' });
    await stable();
    expect(el.textContent).toContain(
      'Your sign-in email is robin@example.com again.',
    );
    expect(el.querySelector('[role="alert"]')).toBeNull();
  });

  it('says so when too many links were tried from here', async () => {
    await open('tok');
    await undo();
    fail(429, 'rate_limited');
    await stable();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'Too many attempts. Please wait a few minutes and try again.',
    );
  });

  it('says a link without its token is incomplete, and offers nothing to press', async () => {
    await open();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'This link is incomplete.',
    );
    expect(button()).toBeNull();
    expect(navigate).not.toHaveBeenCalled();
    backend.expectNone({ method: 'POST', url });
  });
});
