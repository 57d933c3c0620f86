import { Validators, type ValidatorFn } from '@angular/forms';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PERSON_NAME_MAX_LENGTH,
  PERSON_NAME_PATTERN,
} from '@mezzo/shared-contracts';

/** Something@something.tld, no spaces: what the API accepts, without Angular's looser `email`. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const EMAIL_MAX_LENGTH = 254;
export const NAME_MAX_LENGTH = PERSON_NAME_MAX_LENGTH;

// Functions, not constants: a module-level call would pull @angular/forms into the first load of
// every page if this library were imported eagerly. (Form helpers live here, not in web-core, for
// that reason: the app imports web-core up front for its guards and interceptor.)
export function emailValidators(): ValidatorFn[] {
  return [
    Validators.required,
    Validators.maxLength(EMAIL_MAX_LENGTH),
    Validators.pattern(EMAIL_PATTERN),
  ];
}

/**
 * A person's name as the API takes it: some letters, at most 120 characters, no control characters
 * or text-direction overrides (error `personName`).
 */
export function personNameValidators(): ValidatorFn[] {
  return [
    Validators.required,
    Validators.maxLength(NAME_MAX_LENGTH),
    (control) => {
      const v = String(control.value ?? '').trim();
      if (v === '') return { required: true };
      return PERSON_NAME_PATTERN.test(v) ? null : { personName: true };
    },
  ];
}

export const personNameMessages: Readonly<Record<string, string>> = {
  required: 'Enter your name.',
  personName: 'Write your name with letters, without control characters.',
  maxlength: `Use at most ${NAME_MAX_LENGTH} characters.`,
};

/** For a password being chosen; a password being entered only needs `required`. */
export function newPasswordValidators(): ValidatorFn[] {
  return [
    Validators.required,
    Validators.minLength(PASSWORD_MIN_LENGTH),
    Validators.maxLength(PASSWORD_MAX_LENGTH),
  ];
}

export const emailMessages: Readonly<Record<string, string>> = {
  required: 'Enter your email address.',
  pattern: 'Enter an email address like name@example.com.',
  maxlength: `Use at most ${EMAIL_MAX_LENGTH} characters.`,
};

export const newPasswordMessages: Readonly<Record<string, string>> = {
  required: 'Choose a password.',
  minlength: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
  maxlength: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
};
