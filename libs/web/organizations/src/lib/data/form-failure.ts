import type { FormGroup } from '@angular/forms';
import { apiError, errorMessage } from '@mezzo/web-core';
import {
  applyServerErrors,
  focusFirstInvalid,
  setServerError,
} from '@mezzo/web-ui';
import { refusalMessage } from './roles';

/**
 * What a form of these pages shows when the API refuses it: the `fields` of a 400 (or of a 409 such
 * as "already a member") go under their fields and the first of them takes focus; the returned
 * sentence is for the alert above the form, starting with `what` ("The invitation was not sent.").
 */
export function formFailure(
  err: unknown,
  form: FormGroup,
  host: HTMLElement,
  what: string,
): string {
  const body = apiError(err);
  const fields = body?.fields;
  if (
    body &&
    fields &&
    (body.code === 'validation_failed' || body.code === 'conflict')
  ) {
    let result: { applied: number; unmatched: string[] };
    if (body.code === 'conflict') {
      // The field's own text is terse ("is already a member"): the message says it whole.
      result = { applied: 0, unmatched: [] };
      for (const path of Object.keys(fields)) {
        const control = form.get(path);
        if (control) {
          setServerError(control, refusalMessage(err));
          result.applied += 1;
        }
      }
    } else {
      result = applyServerErrors(form, fields);
    }
    if (result.applied > 0) focusFirstInvalid(host, form);
    const lead =
      body.code === 'conflict' ? refusalMessage(err) : errorMessage(err);
    return [what, lead, ...result.unmatched].join(' ');
  }
  return `${what} ${refusalMessage(err)}`;
}
