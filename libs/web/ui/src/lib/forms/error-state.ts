import { Injectable, type Provider } from '@angular/core';
import type {
  AbstractControl,
  FormGroupDirective,
  NgForm,
} from '@angular/forms';
import { ErrorStateMatcher } from '@angular/material/core';
import { SERVER_ERROR } from './server-errors';

/**
 * A field shows its error once it was edited and left, after a submit, or when the server spoke
 * about it; not merely because someone tabbed past it on the way to another field.
 */
@Injectable()
export class EditedOrSubmittedErrorStateMatcher implements ErrorStateMatcher {
  isErrorState(
    control: AbstractControl | null,
    form: FormGroupDirective | NgForm | null,
  ): boolean {
    if (!control?.invalid) return false;
    return (
      (control.dirty && control.touched) ||
      !!form?.submitted ||
      control.hasError(SERVER_ERROR)
    );
  }
}

/** Add to a form page's `providers`. */
export const formErrorTiming: Provider = {
  provide: ErrorStateMatcher,
  useClass: EditedOrSubmittedErrorStateMatcher,
};
