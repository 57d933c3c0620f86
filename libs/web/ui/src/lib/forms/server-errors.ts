import type { AbstractControl } from '@angular/forms';
import type { ApiErrorBody } from '@mezzo/shared-contracts';

/** The key under which a server's message for a field sits in `control.errors`. */
export const SERVER_ERROR = 'server';

export interface ServerErrorsResult {
  /** How many fields of the form received a message. */
  applied: number;
  /** Messages for fields the form does not have (show them elsewhere, e.g. in the alert). */
  unmatched: string[];
}

/** Marks one control with a server message; it clears itself when the value next changes. */
export function setServerError(
  control: AbstractControl,
  message: string,
): void {
  control.setErrors({ ...(control.errors ?? {}), [SERVER_ERROR]: message });
  control.markAsTouched();
}

/**
 * Puts the `fields` of a 400 from the API onto the matching controls (`email`, `address.city`,
 * `items.0.name`), so each message shows under its field. Pass `apiError(err)?.fields` (web-core).
 */
export function applyServerErrors(
  form: AbstractControl,
  fields: ApiErrorBody['fields'] | null | undefined,
): ServerErrorsResult {
  const result: ServerErrorsResult = { applied: 0, unmatched: [] };
  for (const [path, messages] of Object.entries(fields ?? {})) {
    if (messages.length === 0) continue;
    const control = form.get(path);
    if (control) {
      setServerError(control, messages.join(' '));
      result.applied += 1;
    } else {
      result.unmatched.push(...messages);
    }
  }
  return result;
}

/**
 * The message to show under a field: the server's, or the one for the first failing validator.
 * `messages` maps validator keys (`required`, `minlength`, …) to sentences.
 */
export function controlError(
  control: AbstractControl,
  messages: Readonly<Record<string, string>>,
): string | null {
  const errors = control.errors;
  if (!errors) return null;
  const server: unknown = errors[SERVER_ERROR];
  if (typeof server === 'string') return server;
  for (const key of Object.keys(errors)) {
    const message = messages[key];
    if (message) return message;
  }
  return 'Check this field.';
}
