import type { WritableSignal } from '@angular/core';
import type { FormGroup } from '@angular/forms';
import { apiError, errorCode, errorMessage } from '@mezzo/web-core';
import { applyServerErrors, focusFirstInvalid } from '@mezzo/web-ui';

/**
 * What a form shows when saving fails: a stale version raises the "changed elsewhere — reload"
 * banner; field errors from the server land under their fields (focus goes to the first); anything
 * else becomes one readable message.
 */
export function showSaveError(
  err: unknown,
  target: {
    form: FormGroup;
    host: HTMLElement;
    conflict: WritableSignal<boolean>;
    error: WritableSignal<string | null>;
  },
): void {
  if (errorCode(err) === 'conflict') {
    target.conflict.set(true);
    return;
  }
  const body = apiError(err);
  if (body?.code === 'validation_failed') {
    const { applied, unmatched } = applyServerErrors(target.form, body.fields);
    if (applied > 0) focusFirstInvalid(target.host, target.form);
    target.error.set([errorMessage(err), ...unmatched].join(' '));
    return;
  }
  target.error.set(errorMessage(err));
}
