import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  output,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { errorMessage } from '@mezzo/web-core';
import { Alert } from '@mezzo/web-ui';

/** A failed load: what went wrong, in words, and a way to try again. */
@Component({
  selector: 'mz-load-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Alert, MatButtonModule],
  template: `
    <mz-alert>
      <p class="mz-load-error__text">{{ what() }} {{ message() }}</p>
      <button mat-stroked-button type="button" (click)="retry.emit()">
        Try again
      </button>
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
  protected readonly message = computed(() => errorMessage(this.error()));
}
