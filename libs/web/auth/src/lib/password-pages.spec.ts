import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type Type } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { AUTH_PATHS, AuthStore } from '@mezzo/web-core';
import { ChangePasswordPage } from './change-password/change-password.page';
import { ForgotPasswordPage } from './forgot-password/forgot-password.page';
import { ResetPasswordPage } from './reset-password/reset-password.page';

/** Forgot, reset and change password: the pages around a password that is lost or replaced. */
describe('password pages', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<unknown>;
  let el: HTMLElement;

  async function render<T>(page: Type<T>, inputs: Record<string, string> = {}) {
    TestBed.configureTestingModule({
      imports: [page],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(page);
    for (const [name, value] of Object.entries(inputs))
      fixture.componentRef.setInput(name, value);
    el = fixture.nativeElement;
    await fixture.whenStable();
  }
  const input = (label: string) => {
    const labelEl = Array.from(el.querySelectorAll('label')).find(
      (l) => l.textContent?.replace('*', '').trim() === label,
    );
    const target =
      labelEl && el.querySelector<HTMLInputElement>(`#${labelEl.htmlFor}`);
    if (!target) throw new Error(`No field labelled ${label}`);
    return target;
  };
  const type = (label: string, value: string) => {
    const field = input(label);
    field.value = value;
    field.dispatchEvent(new Event('input'));
  };
  const submit = async () => {
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
  };
  const text = () => el.textContent?.replace(/\s+/g, ' ') ?? '';
  const apiError = (status: number, code: string) => ({
    body: { statusCode: status, code, message: code },
    opts: { status, statusText: code },
  });

  afterEach(() => backend.verify());

  describe('ForgotPasswordPage', () => {
    beforeEach(() => render(ForgotPasswordPage));

    it('always says the same thing once the request is accepted', async () => {
      type('Email', 'someone@example.com');
      await submit();
      const req = backend.expectOne(AUTH_PATHS.forgotPassword);
      expect(req.request.body).toEqual({ email: 'someone@example.com' });
      req.flush(null, { status: 202, statusText: 'Accepted' });
      await fixture.whenStable();
      expect(el.querySelector('[role=status]')?.textContent).toContain(
        'If an account exists for that email, we sent a link',
      );
    });

    it('validates the email first and reports rate limiting', async () => {
      type('Email', 'nope');
      await submit();
      backend.expectNone(AUTH_PATHS.forgotPassword);
      expect(text()).toContain('Enter an email address like name@example.com.');

      type('Email', 'someone@example.com');
      await submit();
      const { body, opts } = apiError(429, 'rate_limited');
      backend.expectOne(AUTH_PATHS.forgotPassword).flush(body, opts);
      await fixture.whenStable();
      expect(el.querySelector('[role=alert]')?.textContent).toContain(
        'Too many attempts',
      );
    });
  });

  describe('ResetPasswordPage', () => {
    it('explains a link without a token instead of showing the form', async () => {
      await render(ResetPasswordPage);
      expect(el.querySelector('form')).toBeNull();
      expect(el.querySelector('[role=alert]')?.textContent).toContain(
        'This reset link is incomplete',
      );
    });

    /** The page checks its link when it opens; `answer` is the API's reply. */
    const linkChecked = async (
      token: string,
      answer: 'ok' | 'dead' | 'offline' = 'ok',
    ) => {
      const check = backend.expectOne(AUTH_PATHS.checkResetToken);
      expect(check.request.body).toEqual({ token });
      expect(text()).toContain('Checking your link…');
      expect(el.querySelector('form')).toBeNull();
      if (answer === 'ok')
        check.flush(null, { status: 204, statusText: 'No Content' });
      else if (answer === 'dead') {
        const { body, opts } = apiError(400, 'invalid_reset_token');
        check.flush(body, opts);
      } else check.error(new ProgressEvent('error'));
      await fixture.whenStable();
    };

    it('says a used or expired link is dead as soon as the page opens, before any typing', async () => {
      await render(ResetPasswordPage, { token: 'used' });
      await linkChecked('used', 'dead');
      expect(el.querySelector('form')).toBeNull();
      expect(el.querySelector('[role=alert]')?.textContent).toContain(
        'invalid or has expired',
      );
      expect(
        el.querySelector('a[href="/forgot-password"]')?.textContent,
      ).toContain('Send me a new link');
    });

    it('shows the form when the check cannot be made (saving then says what is wrong)', async () => {
      await render(ResetPasswordPage, { token: 'tok-9' });
      await linkChecked('tok-9', 'offline');
      expect(el.querySelector('form')).not.toBeNull();
      expect(el.querySelector('[role=alert]')).toBeNull();
    });

    it('sends the token from the link with the new password, then goes to sign in', async () => {
      await render(ResetPasswordPage, { token: 'tok-123' });
      await linkChecked('tok-123');
      const navigate = jest
        .spyOn(TestBed.inject(Router), 'navigate')
        .mockResolvedValue(true);
      type('New password', 'a brand new password');
      await submit();
      const req = backend.expectOne(AUTH_PATHS.resetPassword);
      expect(req.request.body).toEqual({
        token: 'tok-123',
        newPassword: 'a brand new password',
      });
      req.flush(null, { status: 204, statusText: 'No Content' });
      await fixture.whenStable();
      expect(navigate).toHaveBeenCalledWith(['/sign-in'], {
        queryParams: { reset: 'done' },
      });
    });

    it('offers a new link when the token expires between opening the page and saving', async () => {
      await render(ResetPasswordPage, { token: 'old' });
      await linkChecked('old');
      type('New password', 'a brand new password');
      await submit();
      const { body, opts } = apiError(400, 'invalid_reset_token');
      backend.expectOne(AUTH_PATHS.resetPassword).flush(body, opts);
      await fixture.whenStable();
      expect(el.querySelector('[role=alert]')?.textContent).toContain(
        'invalid or has expired',
      );
      expect(
        el.querySelector('a[href="/forgot-password"]')?.textContent,
      ).toContain('Send me a new link');
    });
  });

  describe('ChangePasswordPage', () => {
    beforeEach(() => render(ChangePasswordPage));

    it('uses current-password and new-password autofill', () => {
      expect(input('Current password').getAttribute('autocomplete')).toBe(
        'current-password',
      );
      expect(input('New password').getAttribute('autocomplete')).toBe(
        'new-password',
      );
    });

    it('changes the password and says so', async () => {
      TestBed.inject(AuthStore).setSession({
        user: {
          id: 'u1',
          name: 'Ada',
          email: 'a@b.co',
          isPlatformAdmin: false,
          createdAt: '',
          memberships: [],
        },
        accessToken: 'tok',
        expiresIn: 900,
      });
      type('Current password', 'the old password');
      type('New password', 'a brand new password');
      await submit();
      const req = backend.expectOne(AUTH_PATHS.changePassword);
      expect(req.request.body).toEqual({
        currentPassword: 'the old password',
        newPassword: 'a brand new password',
      });
      req.flush(null, { status: 204, statusText: 'No Content' });
      // Every session ended on the server, this one too: the new session's token is fetched at once.
      backend.expectOne(AUTH_PATHS.refresh).flush({
        user: {
          id: 'u1',
          name: 'Ada',
          email: 'a@b.co',
          isPlatformAdmin: false,
          createdAt: '',
          memberships: [],
        },
        accessToken: 'tok-2',
        expiresIn: 900,
      });
      await fixture.whenStable();
      expect(TestBed.inject(AuthStore).accessToken()).toBe('tok-2');
      expect(el.querySelector('[role=status]')?.textContent).toContain(
        'Your password was changed',
      );
      expect(input('Current password').value).toBe('');
      expect(el.querySelector('mat-error')).toBeNull();
    });

    it('shows a wrong current password under that field', async () => {
      type('Current password', 'not it at all');
      type('New password', 'a brand new password');
      await submit();
      const { body, opts } = apiError(401, 'invalid_credentials');
      backend.expectOne(AUTH_PATHS.changePassword).flush(body, opts);
      await fixture.whenStable();
      const field = input('Current password').closest('mat-form-field');
      expect(field?.querySelector('mat-error')?.textContent?.trim()).toBe(
        'Your current password is not correct.',
      );
    });
  });
});
