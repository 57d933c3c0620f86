import type { FormGroup } from '@angular/forms';

/**
 * After a submit that fails, put the keyboard (and the screen reader) on the first field that
 * needs attention; its error is read through the field's aria-describedby. Looks the field up by
 * `formControlName` (our own identifiers, no escaping needed), so it works before change detection has updated the `ng-invalid` classes.
 */
export function focusFirstInvalid(root: HTMLElement, form: FormGroup): void {
  const name = Object.keys(form.controls).find(
    (key) => form.controls[key].invalid,
  );
  if (!name) return;
  root.querySelector<HTMLElement>(`[formcontrolname="${name}"]`)?.focus();
}
