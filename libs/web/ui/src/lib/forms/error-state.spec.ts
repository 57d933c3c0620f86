import {
  FormControl,
  Validators,
  type FormGroupDirective,
} from '@angular/forms';
import { EditedOrSubmittedErrorStateMatcher } from './error-state';
import { setServerError } from './server-errors';

describe('EditedOrSubmittedErrorStateMatcher', () => {
  const matcher = new EditedOrSubmittedErrorStateMatcher();
  const form = (submitted: boolean) => ({ submitted }) as FormGroupDirective;

  it('stays quiet for a field that was only tabbed past', () => {
    const c = new FormControl('', Validators.required);
    c.markAsTouched();
    expect(matcher.isErrorState(c, form(false))).toBe(false);
  });

  it('shows the error after an edit and leaving the field, or after submit', () => {
    const edited = new FormControl('', Validators.required);
    edited.markAsDirty();
    edited.markAsTouched();
    expect(matcher.isErrorState(edited, form(false))).toBe(true);
    expect(
      matcher.isErrorState(
        new FormControl('', Validators.required),
        form(true),
      ),
    ).toBe(true);
  });

  it('always shows a server error, never an error for a valid field', () => {
    const c = new FormControl('a@b.co');
    expect(matcher.isErrorState(c, form(true))).toBe(false);
    setServerError(c, 'Taken.');
    expect(matcher.isErrorState(c, form(false))).toBe(true);
  });
});
