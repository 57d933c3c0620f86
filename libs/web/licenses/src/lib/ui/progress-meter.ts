import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';
import { hours } from '../data/labels';

/**
 * "12 of 40 h" with a bar: a native progressbar role with the numbers as text, so a screen reader
 * hears the same thing a sighted person reads.
 */
@Component({
  selector: 'mz-progress-meter',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="mz-meter__text">
      <span>{{ showLabel() ? label() : '' }}</span>
      <span class="mz-meter__numbers">{{ text() }}</span>
    </div>
    <div
      class="mz-meter__track"
      role="progressbar"
      [attr.aria-label]="label() || null"
      aria-valuemin="0"
      [attr.aria-valuemax]="required()"
      [attr.aria-valuenow]="clamped()"
      [attr.aria-valuetext]="text()"
    >
      <div
        class="mz-meter__fill"
        [class.mz-meter__fill--met]="met()"
        [style.width.%]="percent()"
      ></div>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .mz-meter__text {
      display: flex;
      justify-content: space-between;
      gap: 8px;
      flex-wrap: wrap;
      font: var(--mat-sys-body-medium);
      margin-bottom: 4px;
    }
    .mz-meter__numbers {
      font-variant-numeric: tabular-nums;
      color: var(--mat-sys-on-surface-variant);
    }
    .mz-meter__track {
      height: 8px;
      border-radius: 4px;
      overflow: hidden;
      background: var(--mat-sys-surface-container-highest);
      outline: 1px solid var(--mat-sys-outline-variant);
    }
    .mz-meter__fill {
      height: 100%;
      background: var(--mat-sys-primary);
    }
    .mz-meter__fill--met {
      background: #2e7d32;
    }
  `,
})
export class ProgressMeter {
  readonly label = input('');
  /** Off when a heading right above already says what the bar measures. */
  readonly showLabel = input(true);
  readonly counted = input.required<number>();
  readonly required = input.required<number>();
  protected readonly clamped = computed(() =>
    Math.min(this.counted(), this.required()),
  );
  protected readonly met = computed(() => this.counted() >= this.required());
  protected readonly percent = computed(() => {
    const r = this.required();
    return r > 0 ? Math.min(100, (this.counted() / r) * 100) : 100;
  });
  protected readonly text = computed(
    () =>
      `${hours(this.counted())} of ${hours(this.required())}${this.met() ? ' — met' : ''}`,
  );
}
