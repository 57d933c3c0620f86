import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';

/**
 * A form's submit button with its busy state: disabled for clicks and screen readers while the
 * request runs (but still focusable), a busy label, and an indeterminate progress bar.
 * Place it inside the <form>; the button submits it.
 */
@Component({
  selector: 'mz-submit-button',
  imports: [MatButtonModule, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      mat-flat-button
      type="submit"
      class="mz-submit"
      [disabled]="busy()"
      [disabledInteractive]="true"
    >
      {{ busy() ? busyLabel() : label() }}
    </button>
    @if (busy()) {
      <mat-progress-bar
        class="mz-progress"
        mode="indeterminate"
        [attr.aria-label]="progressLabel()"
      />
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 12px;
      margin-top: 8px;
    }
    .mz-submit {
      width: 100%;
      min-height: 48px;
    }
    .mz-progress {
      margin-top: 4px;
    }
  `,
})
export class SubmitButton {
  readonly label = input.required<string>();
  readonly busyLabel = input.required<string>();
  /** What the progress bar announces while busy, e.g. "Signing in". */
  readonly progressLabel = input.required<string>();
  readonly busy = input(false);
}
