import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { InteractivityChecker } from '@angular/cdk/a11y';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import type { PendingEmailChangeDto } from '@mezzo/shared-contracts';
import { AuthStore } from '@mezzo/web-core';
import { AccountPage } from './account.page';

describe('AccountPage', () => {
  /** The signed-in user of every test. */
  const robin = { id: 'u1', email: 'robin@example.com', name: 'Robin Okafor' };
  let fixture: ComponentFixture<AccountPage>;
  let el: HTMLElement;
  let backend: HttpTestingController;
  let navigateByUrl: jest.SpyInstance;
  let auth: AuthStore;
  const stable = () => fixture.whenStable();
  /** The email card asks for a pending change as the page loads. */
  const pendingRequest = () =>
    backend.expectOne({ method: 'GET', url: '/api/me/email' });
  /** Opens the page; `pending` answers the email card's question, `undefined` leaves it unanswered. */
  const open = async (pending?: PendingEmailChangeDto | null) => {
    fixture = TestBed.createComponent(AccountPage);
    el = fixture.nativeElement;
    await stable();
    if (pending !== undefined) {
      pendingRequest().flush({ pending });
      await stable();
    }
  };

  const deleteWith = async (password: string, tick: boolean) => {
    const input = el.querySelector<HTMLInputElement>(
      '.mz-card--danger input[type="password"]',
    )!;
    input.value = password;
    input.dispatchEvent(new Event('input'));
    if (tick)
      el.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    await stable();
    input.closest('form')?.dispatchEvent(new Event('submit'));
    await stable();
  };

  const nameInput = () =>
    el.querySelector<HTMLInputElement>('input[formcontrolname="name"]')!;
  const saveName = async (name: string) => {
    const input = nameInput();
    input.value = name;
    input.dispatchEvent(new Event('input'));
    await stable();
    input.closest('form')?.dispatchEvent(new Event('submit'));
    await stable();
  };
  const status = () => el.querySelector('[role="status"]')?.textContent ?? '';

  const button = (root: ParentNode, label: string) =>
    Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find(
      (b) => b.textContent?.trim() === label,
    );
  const overlay = () => document.querySelector('.cdk-overlay-container');
  /** Opens the confirmation and answers it with the button labelled `answer`. */
  const signOutEverywhere = async (answer: string) => {
    const opener = button(el, 'Sign out everywhere')!;
    opener.focus(); // as a click or a key press would
    opener.click();
    await stable();
    const dialog = overlay()?.querySelector('mat-dialog-container');
    expect(dialog?.textContent).toContain('Sign out everywhere?');
    expect(dialog?.textContent).toContain('this one included');
    expect(dialog?.getAttribute('aria-labelledby')).toBeTruthy();
    // Focus starts on the safe choice, so Enter twice does not sign out everywhere.
    expect(document.activeElement).toBe(button(dialog!, 'Stay signed in'));
    button(dialog!, answer)!.click();
    await stable();
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [AccountPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: MATERIAL_ANIMATIONS,
          useValue: { animationsDisabled: true },
        },
        // jsdom lays nothing out, so the CDK would find no button focusable inside the dialog.
        {
          provide: InteractivityChecker,
          useValue: {
            isDisabled: (e: HTMLElement) => e.hasAttribute('disabled'),
            isVisible: () => true,
            isFocusable: () => true,
            isTabbable: () => true,
          },
        },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthStore);
    auth.setSession({
      accessToken: 't',
      user: robin,
    } as Parameters<AuthStore['setSession']>[0]);
    navigateByUrl = jest
      .spyOn(TestBed.inject(Router), 'navigateByUrl')
      .mockResolvedValue(true);
    await open(null);
  });

  afterEach(() => {
    backend.verify();
    document.querySelector('.cdk-overlay-container')?.remove();
  });

  it('says who is signed in', () => {
    expect(el.textContent).toContain('Robin Okafor');
    expect(el.textContent).toContain('robin@example.com');
  });

  it('asks for the password and the box before deleting anything', async () => {
    await deleteWith('', false);
    backend.expectNone({ method: 'DELETE', url: '/api/me' });
    expect(el.textContent).toContain('Enter your password to confirm.');
    expect(el.textContent).toContain('Tick the box to confirm.');
  });

  it('shows a wrong password under the field and keeps the account', async () => {
    await deleteWith('wrong password', true);
    backend.expectOne({ method: 'DELETE', url: '/api/me' }).flush(
      {
        statusCode: 401,
        code: 'invalid_credentials',
        message: 'The password is not correct',
      },
      { status: 401, statusText: 'Unauthorized' },
    );
    await stable();
    expect(el.querySelector('mat-error')?.textContent).toContain(
      'That password is not correct.',
    );
    expect(auth.isSignedIn()).toBe(true);
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it("shows the server's reason when a 409 holds the deletion up, not a generic conflict", async () => {
    const reason =
      'Your certificates are being erased by another request; try again in a minute.';
    await deleteWith('the right passphrase', true);
    backend
      .expectOne({ method: 'DELETE', url: '/api/me' })
      .flush(
        { statusCode: 409, code: 'conflict', message: reason },
        { status: 409, statusText: 'Conflict' },
      );
    await stable();
    const alert = el.querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toContain(`Your account was not deleted. ${reason}`);
    expect(alert).not.toContain('Someone else changed this');
    expect(auth.isSignedIn()).toBe(true);
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('says what happens to the organisations the user owns before deleting', async () => {
    expect(el.querySelector('.mz-owned-orgs')).toBeNull();
    auth.setSession({
      accessToken: 't',
      user: {
        ...robin,
        isPlatformAdmin: false,
        createdAt: '2026-01-01T00:00:00.000Z',
        memberships: [
          {
            organizationId: 'o1',
            organizationName: 'Garden State CE',
            kind: 'provider',
            role: 'owner',
          },
          {
            organizationId: 'o2',
            organizationName: 'NASW-NJ',
            kind: 'association',
            role: 'member',
          },
          {
            organizationId: 'o3',
            organizationName: 'Shore CE',
            kind: 'provider',
            role: 'owner',
          },
        ],
      },
    } as Parameters<AuthStore['setSession']>[0]);
    await stable();
    const owned = el
      .querySelector('.mz-card--danger .mz-owned-orgs')
      ?.textContent?.replace(/\s+/g, ' ');
    expect(owned).toContain('You own Garden State CE, Shore CE.');
    expect(owned).toContain('only member of is deleted with your account');
    expect(owned).toContain(
      'ownership passes to an admin, or else to the member who joined first',
    );
  });

  it('deletes the account, ends the session and goes to sign-in', async () => {
    await deleteWith('the right passphrase', true);
    const req = backend.expectOne({ method: 'DELETE', url: '/api/me' });
    expect(req.request.body).toEqual({ password: 'the right passphrase' });
    req.flush(null, { status: 204, statusText: 'No Content' });
    await stable();
    expect(auth.isSignedIn()).toBe(false);
    expect(navigateByUrl).toHaveBeenCalledWith('/sign-in');
  });

  describe('your name', () => {
    const renamed = {
      id: 'u1',
      email: 'robin@example.com',
      name: 'Robin Okafor-Reyes',
      isPlatformAdmin: false,
      createdAt: '2026-01-01T00:00:00.000Z',
      memberships: [],
    };

    it('starts from the name on the account', () => {
      expect(nameInput().value).toBe('Robin Okafor');
      expect(nameInput().labels?.[0]?.textContent).toContain('Full name');
    });

    it('saves the name, says so in a live region, and shows it everywhere at once', async () => {
      await saveName('  Robin Okafor-Reyes ');
      const req = backend.expectOne({ method: 'PATCH', url: '/api/me' });
      expect(req.request.body).toEqual({ name: 'Robin Okafor-Reyes' });
      expect(el.textContent).toContain('Saving…');
      req.flush(renamed);
      await stable();
      expect(status()).toContain('Your name is saved.');
      // The shell's account menu reads the same store.
      expect(auth.user()?.name).toBe('Robin Okafor-Reyes');
      expect(auth.accessToken()).toBe('t');
      expect(el.querySelector('.mz-who')?.textContent).toContain(
        'Robin Okafor-Reyes',
      );
      expect(nameInput().value).toBe('Robin Okafor-Reyes');
    });

    it('asks for a name before sending anything', async () => {
      await saveName('   ');
      backend.expectNone({ method: 'PATCH', url: '/api/me' });
      expect(el.querySelector('mat-error')?.textContent).toContain(
        'Enter your name.',
      );
      expect(document.activeElement).toBe(nameInput());
      await saveName('x'.repeat(121));
      backend.expectNone({ method: 'PATCH', url: '/api/me' });
      expect(el.querySelector('mat-error')?.textContent).toContain(
        'Use at most 120 characters.',
      );
      // As the API judges it: a name has letters.
      await saveName('🙂');
      backend.expectNone({ method: 'PATCH', url: '/api/me' });
      expect(el.querySelector('mat-error')?.textContent).toContain(
        'Write your name with letters, without control characters.',
      );
      expect(auth.user()?.name).toBe('Robin Okafor');
    });

    it("shows the server's message for the name under the field", async () => {
      await saveName('Robin Okafor-Reyes');
      backend.expectOne({ method: 'PATCH', url: '/api/me' }).flush(
        {
          statusCode: 400,
          code: 'validation_failed',
          message: 'Validation failed',
          fields: { name: ['name contains characters that are not allowed'] },
        },
        { status: 400, statusText: 'Bad Request' },
      );
      await stable();
      expect(el.querySelector('mat-error')?.textContent).toContain(
        'name contains characters that are not allowed',
      );
      expect(el.querySelector('[role="alert"]')?.textContent).toContain(
        'Your name was not saved.',
      );
      expect(document.activeElement).toBe(nameInput());
      expect(status()).not.toContain('saved');
      expect(auth.user()?.name).toBe('Robin Okafor');
    });

    it('says when the name could not be saved for another reason', async () => {
      await saveName('Robin Okafor-Reyes');
      backend
        .expectOne({ method: 'PATCH', url: '/api/me' })
        .error(new ProgressEvent('error'), { status: 0 });
      await stable();
      expect(el.querySelector('[role="alert"]')?.textContent).toContain(
        'Your name was not saved. Cannot reach Mezzo.',
      );
      expect(auth.user()?.name).toBe('Robin Okafor');
    });
  });

  describe('your sign-in email', () => {
    const url = '/api/me/email';
    const card = () => el.querySelector<HTMLElement>('mz-change-email-card')!;
    const emailInput = () =>
      card().querySelector<HTMLInputElement>('input[formcontrolname="email"]')!;
    const passwordInput = () =>
      card().querySelector<HTMLInputElement>(
        'input[formcontrolname="password"]',
      )!;
    const errors = () =>
      Array.from(card().querySelectorAll('mat-error')).map((e) =>
        e.textContent?.trim(),
      );
    const cardStatus = () =>
      card().querySelector('form [role="status"]')?.textContent?.trim() ?? '';
    const pendingText = () =>
      card().querySelector('.mz-pending')?.textContent?.replace(/\s+/g, ' ') ??
      '';

    const ask = async (email: string, password: string) => {
      for (const [input, value] of [
        [emailInput(), email],
        [passwordInput(), password],
      ] as const) {
        input.value = value;
        input.dispatchEvent(new Event('input'));
      }
      await stable();
      emailInput().closest('form')?.dispatchEvent(new Event('submit'));
      await stable();
    };

    it('says which address signs in now, with labelled fields for the new one and the password', () => {
      expect(card().querySelector('h2')?.textContent).toContain(
        'Your sign-in email',
      );
      expect(card().textContent).toContain(
        'You sign in with robin@example.com',
      );
      expect(emailInput().labels?.[0]?.textContent).toContain('New email');
      expect(emailInput().type).toBe('email');
      expect(passwordInput().labels?.[0]?.textContent).toContain(
        'Current password',
      );
      expect(passwordInput().getAttribute('autocomplete')).toBe(
        'current-password',
      );
    });

    it('asks for an address, a real one, a different one, and the password before sending anything', async () => {
      await ask('', '');
      backend.expectNone({ method: 'POST', url });
      expect(errors()).toEqual([
        'Enter the new email address.',
        'Enter your current password.',
      ]);
      expect(document.activeElement).toBe(emailInput());
      await ask('robin at example', 'my passphrase');
      backend.expectNone({ method: 'POST', url });
      expect(errors()).toEqual([
        'Enter an email address like name@example.com.',
      ]);
      // As the API judges it: the same address in other letters is no change.
      await ask(' Robin@Example.com ', 'my passphrase');
      backend.expectNone({ method: 'POST', url });
      expect(errors()).toEqual(['This is already your sign-in email.']);
    });

    it('sends the new address with the password, shows progress, then says where the link went', async () => {
      await ask('  robin.new@example.org ', 'my passphrase');
      const req = backend.expectOne({ method: 'POST', url });
      expect(req.request.body).toEqual({
        email: 'robin.new@example.org',
        password: 'my passphrase',
      });
      expect(card().textContent).toContain('Sending…');
      expect(
        card().querySelector(
          'mat-progress-bar[aria-label="Sending the confirmation link"]',
        ),
      ).not.toBeNull();
      expect(card().querySelector('form')?.getAttribute('aria-busy')).toBe(
        'true',
      );
      req.flush(null, { status: 202, statusText: 'Accepted' });
      await stable();
      // The card asks again, for the API's own expiry of the new link.
      pendingRequest().flush({
        pending: {
          email: 'robin.new@example.org',
          expiresAt: '2026-11-23T20:10:00.000Z',
        },
      });
      await stable();
      expect(pendingText()).toContain(
        'A confirmation link was sent to robin.new@example.org; it expires at Nov 23, 2026, 8:10 PM UTC.',
      );
      expect(cardStatus()).toContain(
        'We sent a link to robin.new@example.org. Open it within 24 hours',
      );
      expect(cardStatus()).toContain(
        'until then, sign in with robin@example.com',
      );
      // Nothing has changed yet, and the form is empty without showing errors.
      expect(auth.user()?.email).toBe('robin@example.com');
      expect(emailInput().value).toBe('');
      expect(passwordInput().value).toBe('');
      expect(errors()).toEqual([]);
      expect(card().querySelector('mat-progress-bar')).toBeNull();
    });

    it('shows a wrong password under its field and sends no link', async () => {
      await ask('robin.new@example.org', 'not my passphrase');
      backend.expectOne({ method: 'POST', url }).flush(
        {
          statusCode: 401,
          code: 'invalid_credentials',
          message: 'The password is not correct',
          fields: { password: ['is not correct'] },
        },
        { status: 401, statusText: 'Unauthorized' },
      );
      await stable();
      expect(errors()).toEqual(['That password is not correct.']);
      expect(document.activeElement).toBe(passwordInput());
      expect(cardStatus()).toBe('');
      expect(auth.isSignedIn()).toBe(true);
    });

    it("puts the server's field message under the email and says the link was not sent", async () => {
      await ask('robin.new@example.org', 'my passphrase');
      backend.expectOne({ method: 'POST', url }).flush(
        {
          statusCode: 400,
          code: 'validation_failed',
          message: 'Some fields are invalid',
          fields: {
            email: ['email must be a plain address such as name@example.org'],
          },
        },
        { status: 400, statusText: 'Bad Request' },
      );
      await stable();
      expect(errors()).toEqual([
        'email must be a plain address such as name@example.org',
      ]);
      expect(document.activeElement).toBe(emailInput());
      expect(card().querySelector('[role="alert"]')?.textContent).toContain(
        'The link was not sent.',
      );
    });

    it('says when there were too many attempts', async () => {
      await ask('robin.new@example.org', 'my passphrase');
      backend.expectOne({ method: 'POST', url }).flush(
        {
          statusCode: 429,
          code: 'rate_limited',
          message: 'Too many attempts; try again later',
        },
        { status: 429, statusText: 'Too Many Requests' },
      );
      await stable();
      expect(card().querySelector('[role="alert"]')?.textContent).toContain(
        'The link was not sent. Too many attempts. Please wait a few minutes and try again.',
      );
      expect(cardStatus()).toBe('');
    });
  });

  describe('a change of sign-in email waiting for its link', () => {
    const url = '/api/me/email';
    const card = () => el.querySelector<HTMLElement>('mz-change-email-card')!;
    const area = () => card().querySelector<HTMLElement>('.mz-pending-area')!;
    const pendingText = () =>
      card().querySelector('.mz-pending')?.textContent?.replace(/\s+/g, ' ') ??
      '';
    const cancelButton = () => button(card(), 'Cancel this change');
    const alertText = () =>
      card().querySelector('[role="alert"]')?.textContent?.trim() ?? '';
    const pending = {
      email: 'robin.new@example.org',
      expiresAt: '2026-11-23T20:10:00.000Z',
    };
    const reopen = async (answer?: PendingEmailChangeDto | null) => {
      fixture.destroy();
      await open(answer);
    };

    it('says it is checking while the page loads, then shows nothing when no change waits', async () => {
      await reopen();
      expect(area().textContent).toContain(
        'Checking for a change waiting for confirmation…',
      );
      expect(
        area().querySelector(
          'mat-progress-bar[aria-label="Checking for a change waiting for confirmation"]',
        ),
      ).not.toBeNull();
      expect(area().getAttribute('aria-busy')).toBe('true');
      pendingRequest().flush({ pending: null });
      await stable();
      expect(area().textContent?.trim()).toBe('');
      expect(area().getAttribute('aria-busy')).toBe('false');
      expect(cancelButton()).toBeUndefined();
    });

    it('shows where the link went and when it expires, after a reload too, with a way to cancel', async () => {
      await reopen(pending);
      expect(pendingText()).toContain(
        'A confirmation link was sent to robin.new@example.org; it expires at Nov 23, 2026, 8:10 PM UTC.',
      );
      expect(pendingText()).toContain(
        'Until it is opened, you sign in with robin@example.com.',
      );
      expect(card().querySelector('time')?.getAttribute('datetime')).toBe(
        pending.expiresAt,
      );
      const cancel = cancelButton()!;
      expect(cancel.type).toBe('button');
      expect(cancel.disabled).toBe(false);
      // The button says which change it cancels.
      const describedBy = cancel.getAttribute('aria-describedby')!;
      expect(card().querySelector(`#${describedBy}`)?.textContent).toContain(
        'robin.new@example.org',
      );
      // Nothing has changed yet.
      expect(auth.user()?.email).toBe('robin@example.com');
    });

    it('cancels the change with progress, then says so and moves focus to the outcome', async () => {
      await reopen(pending);
      const cancel = cancelButton()!;
      cancel.focus(); // as a click or a key press would
      cancel.click();
      await stable();
      const req = backend.expectOne({ method: 'DELETE', url });
      expect(req.request.body).toBeNull();
      // Busy: still focusable (so focus is not lost), but inert to clicks and screen readers.
      const busy = button(card(), 'Cancelling…')!;
      expect(busy).toBe(cancel);
      expect(busy.getAttribute('aria-disabled')).toBe('true');
      expect(document.activeElement).toBe(busy);
      expect(
        card().querySelector(
          'mat-progress-bar[aria-label="Cancelling the change of sign-in email"]',
        ),
      ).not.toBeNull();
      busy.click();
      backend.expectNone({ method: 'DELETE', url });

      req.flush(null, { status: 204, statusText: 'No Content' });
      await stable();
      expect(card().querySelector('.mz-pending')).toBeNull();
      const outcome = card().querySelector<HTMLElement>('.mz-pending-outcome')!;
      expect(outcome.textContent?.replace(/\s+/g, ' ')).toContain(
        'The change is cancelled: the link sent to robin.new@example.org no longer works, and you still sign in with robin@example.com.',
      );
      expect(outcome.querySelector('[role="status"]')).not.toBeNull();
      expect(document.activeElement).toBe(outcome);
      expect(card().querySelector('mat-progress-bar')).toBeNull();
      expect(auth.user()?.email).toBe('robin@example.com');
    });

    it('keeps the change and says why when it could not be cancelled', async () => {
      await reopen(pending);
      cancelButton()!.click();
      await stable();
      backend
        .expectOne({ method: 'DELETE', url })
        .error(new ProgressEvent('error'), { status: 0 });
      await stable();
      expect(alertText()).toContain(
        'The change was not cancelled. Cannot reach Mezzo.',
      );
      expect(pendingText()).toContain('robin.new@example.org');
      expect(cancelButton()?.getAttribute('aria-disabled')).not.toBe('true');
      // Trying again works, and the message goes.
      cancelButton()!.click();
      await stable();
      backend
        .expectOne({ method: 'DELETE', url })
        .flush(null, { status: 204, statusText: 'No Content' });
      await stable();
      expect(alertText()).toBe('');
      expect(card().querySelector('.mz-pending')).toBeNull();
    });

    it('says when it could not check, and checks again on request', async () => {
      await reopen();
      pendingRequest().flush(
        { statusCode: 500, code: 'internal_error', message: 'x' },
        { status: 500, statusText: 'Server Error' },
      );
      await stable();
      expect(alertText()).toContain(
        'We could not check for a change waiting for confirmation.',
      );
      button(card(), 'Try again')!.click();
      await stable();
      expect(area().textContent).toContain('Checking for a change');
      pendingRequest().flush({ pending });
      await stable();
      expect(alertText()).toBe('');
      expect(pendingText()).toContain('robin.new@example.org');
    });

    it('shows the newer change after sending another link, and forgets the cancelled message', async () => {
      await reopen(pending);
      cancelButton()!.click();
      await stable();
      backend
        .expectOne({ method: 'DELETE', url })
        .flush(null, { status: 204, statusText: 'No Content' });
      await stable();
      expect(card().querySelector('.mz-pending-outcome')).not.toBeNull();

      const email = card().querySelector<HTMLInputElement>(
        'input[formcontrolname="email"]',
      )!;
      const password = card().querySelector<HTMLInputElement>(
        'input[formcontrolname="password"]',
      )!;
      email.value = 'robin.other@example.org';
      email.dispatchEvent(new Event('input'));
      password.value = 'my passphrase';
      password.dispatchEvent(new Event('input'));
      await stable();
      email.closest('form')?.dispatchEvent(new Event('submit'));
      await stable();
      expect(card().querySelector('.mz-pending-outcome')).toBeNull();
      backend
        .expectOne({ method: 'POST', url })
        .flush(null, { status: 202, statusText: 'Accepted' });
      await stable();
      pendingRequest().flush({
        pending: {
          email: 'robin.other@example.org',
          expiresAt: '2026-11-24T09:05:00.000Z',
        },
      });
      await stable();
      expect(pendingText()).toContain(
        'A confirmation link was sent to robin.other@example.org; it expires at Nov 24, 2026, 9:05 AM UTC.',
      );
      expect(cancelButton()).toBeDefined();
    });
  });

  describe('sign out everywhere', () => {
    const url = '/api/auth/sign-out-everywhere';

    it('asks first and does nothing when the person stays signed in', async () => {
      await signOutEverywhere('Stay signed in');
      backend.expectNone({ method: 'POST', url });
      expect(overlay()?.querySelector('mat-dialog-container')).toBeNull();
      expect(document.activeElement).toBe(button(el, 'Sign out everywhere'));
      expect(auth.isSignedIn()).toBe(true);
      expect(navigateByUrl).not.toHaveBeenCalled();
    });

    it('ends every session, signs out here and goes to sign-in', async () => {
      await signOutEverywhere('Sign out everywhere');
      backend
        .expectOne({ method: 'POST', url })
        .flush(null, { status: 204, statusText: 'No Content' });
      await stable();
      expect(auth.isSignedIn()).toBe(false);
      expect(navigateByUrl).toHaveBeenCalledWith('/sign-in');
    });

    it('stays signed in and says so when the server could not do it', async () => {
      await signOutEverywhere('Sign out everywhere');
      backend
        .expectOne({ method: 'POST', url })
        .flush(
          { statusCode: 500, code: 'internal_error', message: 'x' },
          { status: 500, statusText: 'Server Error' },
        );
      await stable();
      expect(el.querySelector('[role="alert"]')?.textContent).toContain(
        'You are still signed in on your devices.',
      );
      expect(auth.isSignedIn()).toBe(true);
      expect(navigateByUrl).not.toHaveBeenCalled();
    });
  });
});
