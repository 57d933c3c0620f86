import type { FormGroup } from '@angular/forms';
import { apiError, errorMessage } from '@mezzo/web-core';
import { applyServerErrors, focusFirstInvalid } from '@mezzo/web-ui';

/** Before sending: when the form is invalid, show every field's error and focus the first. */
export function readyToSubmit(form: FormGroup, root: HTMLElement): boolean {
  if (form.valid) return true;
  form.markAllAsTouched();
  focusFirstInvalid(root, form);
  return false;
}

/**
 * After a failed request: a 400's `fields` go under their controls (focus moves to the first);
 * the returned sentence is for the page's alert.
 */
export function submitError(
  form: FormGroup,
  err: unknown,
  root: HTMLElement,
): string {
  const body = apiError(err);
  if (body?.code !== 'validation_failed') return errorMessage(err);
  const { applied, unmatched } = applyServerErrors(form, body.fields);
  if (applied > 0) focusFirstInvalid(root, form);
  return [errorMessage(err), ...unmatched].join(' ');
}
