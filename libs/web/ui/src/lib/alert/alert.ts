import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';
import { Icon } from '../icon/icon';

export type AlertKind = 'error' | 'success' | 'info';

/**
 * A message above a form. Errors are `role="alert"` (read out at once); success and info are
 * `role="status"` (read out politely).
 */
@Component({
  selector: 'mz-alert',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Icon],
  host: {
    '[attr.role]': 'role()',
    '[class]': '"mz-alert mz-alert--" + kind()',
  },
  template: `
    <mz-icon [name]="kind()" />
    <div class="mz-alert__body"><ng-content /></div>
  `,
  styles: `
    :host {
      display: flex;
      gap: 12px;
      align-items: flex-start;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-small, 8px);
      font: var(--mat-sys-body-medium);
      margin-block-end: 16px;
    }
    :host(.mz-alert--error) {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    :host(.mz-alert--success),
    :host(.mz-alert--info) {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .mz-alert__body {
      flex: 1;
      min-width: 0;
      padding-block-start: 2px;
    }
  `,
})
export class Alert {
  readonly kind = input<AlertKind>('error');
  protected readonly role = computed(() =>
    this.kind() === 'error' ? 'alert' : 'status',
  );
}
