import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ERROR_MESSAGES } from '@mezzo/shared-contracts';
import { AUTH_PATHS, AuthStore } from '@mezzo/web-core';
import { SignInPage } from './sign-in.page';
import { TEST_SESSION } from '@mezzo/web-core/testing';

const session = TEST_SESSION;

describe('SignInPage', () => {
  let fixture: ComponentFixture<SignInPage>;
  let el: HTMLElement;
  let backend: HttpTestingController;
  let navigateByUrl: jest.SpyInstance;

  const input = (label: string) => {
    const labelEl = Array.from(el.querySelectorAll('label')).find((l) =>
      l.textContent?.trim().startsWith(label),
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
    field.dispatchEvent(new Event('blur'));
  };
  const submit = async () => {
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
  };
  const text = () => el.textContent?.replace(/\s+/g, ' ') ?? '';

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [SignInPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    navigateByUrl = jest
      .spyOn(TestBed.inject(Router), 'navigateByUrl')
      .mockResolvedValue(true);
    fixture = TestBed.createComponent(SignInPage);
    el = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  it('labels its fields and asks the browser for the right autofill', () => {
    expect(input('Email').getAttribute('autocomplete')).toBe('email');
    expect(input('Password').getAttribute('autocomplete')).toBe(
      'current-password',
    );
    expect(input('Password').type).toBe('password');
  });

  it('shows validation messages and sends nothing when the form is incomplete', async () => {
    type('Email', 'not-an-email');
    await submit();
    expect(text()).toContain('Enter an email address like name@example.com.');
    expect(text()).toContain('Enter your password.');
    backend.expectNone(AUTH_PATHS.signIn);
    expect(document.activeElement).toBe(input('Email'));
  });

  it('does not scold a field that was only tabbed past', async () => {
    input('Email').dispatchEvent(new Event('focus'));
    input('Email').dispatchEvent(new Event('blur'));
    await fixture.whenStable();
    expect(el.querySelector('mat-error')).toBeNull();
  });

  it('signs in, keeps the session and goes to the return URL', async () => {
    fixture.componentRef.setInput('returnUrl', '/credits');
    type('Email', ' ada@example.com ');
    type('Password', 'correct horse battery');
    await submit();

    const req = backend.expectOne(AUTH_PATHS.signIn);
    expect(req.request.body).toEqual({
      email: 'ada@example.com',
      password: 'correct horse battery',
    });
    expect(el.querySelector('mat-progress-bar')).not.toBeNull();
    expect(
      el.querySelector('button[type=submit]')?.getAttribute('aria-disabled'),
    ).toBe('true');

    req.flush(session);
    await fixture.whenStable();
    expect(TestBed.inject(AuthStore).user()?.name).toBe('Ada Lovelace');
    expect(navigateByUrl).toHaveBeenCalledWith('/credits');
    expect(el.querySelector('mat-progress-bar')).toBeNull();
  });

  it('ignores an unsafe return URL', async () => {
    fixture.componentRef.setInput('returnUrl', 'https://evil.example');
    type('Email', 'ada@example.com');
    type('Password', 'x');
    await submit();
    backend.expectOne(AUTH_PATHS.signIn).flush(session);
    await fixture.whenStable();
    expect(navigateByUrl).toHaveBeenCalledWith('/dashboard');
  });

  it('shows wrong credentials in an alert', async () => {
    type('Email', 'ada@example.com');
    type('Password', 'wrong password');
    await submit();
    backend.expectOne(AUTH_PATHS.signIn).flush(
      {
        statusCode: 401,
        code: 'invalid_credentials',
        message: 'Invalid credentials',
      },
      { status: 401, statusText: 'Unauthorized' },
    );
    await fixture.whenStable();
    expect(el.querySelector('[role=alert]')?.textContent).toContain(
      ERROR_MESSAGES.invalid_credentials,
    );
    expect(navigateByUrl).not.toHaveBeenCalled();
    expect(
      el.querySelector('button[type=submit]')?.getAttribute('aria-disabled'),
    ).not.toBe('true');
  });

  it('says so when the API cannot be reached', async () => {
    type('Email', 'ada@example.com');
    type('Password', 'x');
    await submit();
    backend
      .expectOne(AUTH_PATHS.signIn)
      .error(new ProgressEvent('error'), { status: 0 });
    await fixture.whenStable();
    expect(el.querySelector('[role=alert]')?.textContent).toContain(
      'Cannot reach Mezzo. Check your connection.',
    );
  });

  it('shows a password toggle that reveals the password', async () => {
    const toggle = el.querySelector<HTMLButtonElement>(
      'button[aria-label="Show password"]',
    );
    expect(toggle).not.toBeNull();
    toggle?.click();
    await fixture.whenStable();
    expect(input('Password').type).toBe('text');
    expect(
      el
        .querySelector('button[aria-label="Hide password"]')
        ?.getAttribute('aria-pressed'),
    ).toBe('true');
  });
});
