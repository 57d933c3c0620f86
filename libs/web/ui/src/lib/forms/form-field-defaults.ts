import type { Provider } from '@angular/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';

/**
 * Errors and hints take the room they need (styles.scss keeps one line reserved), so a long message
 * on a phone pushes the next field down instead of running into its label. Provided by the shell
 * and the signed-out pages, which are lazy: provided in app.config it pulled Material's form field
 * (58 kB) into the first load of every page.
 */
export const formFieldDefaults: Provider = {
  provide: MAT_FORM_FIELD_DEFAULT_OPTIONS,
  useValue: { subscriptSizing: 'dynamic' },
};
