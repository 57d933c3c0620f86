import { FormControl, FormGroup, Validators } from '@angular/forms';
import { applyServerErrors, controlError } from './server-errors';

/** The `fields` of a 400 body, as `apiError(err)?.fields` hands them over. */
const badRequest = (fields: Record<string, string[]>) => fields;

function form() {
  return new FormGroup({
    email: new FormControl('a@b.co', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    address: new FormGroup({
      city: new FormControl('', { nonNullable: true }),
    }),
  });
}

describe('applyServerErrors', () => {
  it('puts each field message on its control (nested paths too) and marks it touched', () => {
    const f = form();
    const result = applyServerErrors(
      f,
      badRequest({
        email: ['Email is not valid.', 'Too long.'],
        'address.city': ['Required.'],
      }),
    );
    expect(result).toEqual({ applied: 2, unmatched: [] });
    expect(f.controls.email.errors).toEqual({
      server: 'Email is not valid. Too long.',
    });
    expect(f.controls.email.touched).toBe(true);
    expect(f.get('address.city')?.errors).toEqual({ server: 'Required.' });
    expect(f.invalid).toBe(true);
  });

  it('returns messages for fields the form does not have', () => {
    const result = applyServerErrors(
      form(),
      badRequest({ role: ['Pick a role.'] }),
    );
    expect(result).toEqual({ applied: 0, unmatched: ['Pick a role.'] });
  });

  it('the server error clears when the person edits the field', () => {
    const f = form();
    applyServerErrors(f, badRequest({ email: ['Taken.'] }));
    f.controls.email.setValue('other@b.co');
    expect(f.controls.email.errors).toBeNull();
  });

  it('does nothing for errors without fields', () => {
    const f = form();
    expect(applyServerErrors(f, undefined)).toEqual({
      applied: 0,
      unmatched: [],
    });
    expect(f.valid).toBe(true);
  });
});

describe('controlError', () => {
  it('prefers the server message, then the first validator with a message', () => {
    const c = new FormControl('', { validators: [Validators.required] });
    expect(controlError(c, { required: 'Enter it.' })).toBe('Enter it.');
    c.setErrors({ server: 'From the API.' });
    expect(controlError(c, { required: 'Enter it.' })).toBe('From the API.');
    c.setValue('x');
    expect(controlError(c, { required: 'Enter it.' })).toBeNull();
  });
});
