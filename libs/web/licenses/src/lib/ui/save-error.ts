import type { WritableSignal } from '@angular/core';
import type { FormGroup } from '@angular/forms';
import { apiError, errorCode, errorMessage } from '@mezzo/web-core';
import { applyServerErrors, focusFirstInvalid } from '@mezzo/web-ui';

/**
 * What a form shows when saving fails: a stale version raises the "changed elsewhere — reload"
 * banner; field errors from the server (a refused field, or a conflict such as a license already
 * tracked) land under their fields (focus goes to the first); anything else becomes one readable
 * message.
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
  const body = apiError(err);
  // A 409 naming fields other than the version is a refusal of what was entered (a license already
  // tracked): shown under those fields. Only a stale version asks to reload.
  const refused =
    body?.code === 'conflict' &&
    Object.keys(body.fields ?? {}).some((field) => field !== 'version');
  if (errorCode(err) === 'conflict' && !refused) {
    target.conflict.set(true);
    return;
  }
  if (body?.code === 'validation_failed' || refused) {
    const { applied, unmatched } = applyServerErrors(target.form, body.fields);
    if (applied > 0) focusFirstInvalid(target.host, target.form);
    target.error.set([errorMessage(err), ...unmatched].join(' '));
    return;
  }
  target.error.set(errorMessage(err));
}
