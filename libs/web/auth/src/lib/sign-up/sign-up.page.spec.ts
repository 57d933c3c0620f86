import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ERROR_MESSAGES } from '@mezzo/shared-contracts';
import { AUTH_PATHS, AuthStore } from '@mezzo/web-core';
import { SignUpPage } from './sign-up.page';
import { TEST_SESSION } from '@mezzo/web-core/testing';

const session = TEST_SESSION;

describe('SignUpPage', () => {
  let fixture: ComponentFixture<SignUpPage>;
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
  const type = (label: string, value: string, leave = true) => {
    const field = input(label);
    field.value = value;
    field.dispatchEvent(new Event('input'));
    if (leave) field.dispatchEvent(new Event('blur'));
  };
  const fill = () => {
    type('Full name', 'Ada Lovelace');
    type('Email', 'ada@example.com');
    type('Password', 'a long enough password');
  };
  const submit = async () => {
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
  };
  const errorUnder = (label: string) => {
    const field = input(label).closest('mat-form-field');
    return field?.querySelector('mat-error')?.textContent?.trim() ?? null;
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [SignUpPage],
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
    fixture = TestBed.createComponent(SignUpPage);
    el = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  it('has a label and autofill hint for every field', () => {
    expect(input('Full name').getAttribute('autocomplete')).toBe('name');
    expect(input('Email').getAttribute('autocomplete')).toBe('email');
    expect(input('Password').getAttribute('autocomplete')).toBe('new-password');
  });

  it('shows the password rule while typing', async () => {
    expect(el.textContent).toContain('At least 10 characters');
    type('Password', 'short', false);
    await fixture.whenStable();
    expect(el.textContent).toContain('(5 so far)');
    type('Password', 'long enough now', false);
    await fixture.whenStable();
    expect(el.querySelector('.rule--met')).not.toBeNull();
  });

  it('shows a message under each invalid field and sends nothing', async () => {
    type('Email', 'ada@');
    type('Password', 'short');
    await submit();
    expect(errorUnder('Full name')).toBe('Enter your name.');
    expect(errorUnder('Email')).toBe(
      'Enter an email address like name@example.com.',
    );
    expect(errorUnder('Password')).toBe('Use at least 10 characters.');
    backend.expectNone(AUTH_PATHS.register);
  });

  it('creates the account and goes to the dashboard', async () => {
    fill();
    await submit();
    const req = backend.expectOne(AUTH_PATHS.register);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      password: 'a long enough password',
    });
    expect(el.querySelector('mat-progress-bar')).not.toBeNull();
    req.flush(session, { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    expect(TestBed.inject(AuthStore).status()).toBe('signed-in');
    expect(navigateByUrl).toHaveBeenCalledWith('/dashboard');
  });

  it('shows email_taken under the email field', async () => {
    fill();
    await submit();
    backend
      .expectOne(AUTH_PATHS.register)
      .flush(
        { statusCode: 409, code: 'email_taken', message: 'Email taken' },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();
    expect(errorUnder('Email')).toBe(ERROR_MESSAGES.email_taken);
    expect(document.activeElement).toBe(input('Email'));
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('maps the fields of a 400 onto the form', async () => {
    fill();
    await submit();
    backend.expectOne(AUTH_PATHS.register).flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Invalid input',
        fields: {
          email: ['This email domain cannot receive mail.'],
          password: ['Too common.'],
        },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(errorUnder('Email')).toBe('This email domain cannot receive mail.');
    expect(errorUnder('Password')).toBe('Too common.');
    expect(el.querySelector('[role=alert]')?.textContent).toContain(
      ERROR_MESSAGES.validation_failed,
    );
  });
});
