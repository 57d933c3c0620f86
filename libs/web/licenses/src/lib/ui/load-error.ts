import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  output,
} from '@angular/core';
import { HttpErrorResponse } from '@angular/common/http';
import { MatButtonModule } from '@angular/material/button';
import { errorMessage } from '@mezzo/web-core';
import { Alert } from '@mezzo/web-ui';

/**
 * A failed load: what went wrong, in words, and a way to try again — except for a 404, where trying
 * again cannot help: then it says the thing is gone or the link is wrong.
 */
@Component({
  selector: 'mz-load-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Alert, MatButtonModule],
  template: `
    <mz-alert>
      <p class="mz-load-error__text">{{ what() }} {{ message() }}</p>
      @if (!missing()) {
        <button mat-stroked-button type="button" (click)="retry.emit()">
          Try again
        </button>
      }
    </mz-alert>
  `,
  styles: `
    .mz-load-error__text {
      margin: 0 0 8px;
    }
  `,
})
export class LoadError {
  readonly error = input<unknown>();
  /** "Your licenses could not be loaded." */
  readonly what = input('This could not be loaded.');
  readonly retry = output<void>();
  protected readonly missing = computed(() => {
    const e = this.error();
    return e instanceof HttpErrorResponse && e.status === 404;
  });
  protected readonly message = computed(() =>
    this.missing()
      ? 'It may have been deleted, or the link may be wrong.'
      : errorMessage(this.error()),
  );
}
