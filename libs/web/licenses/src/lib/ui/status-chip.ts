import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';
import type { ComplianceStatus } from '@mezzo/compliance-engine';
import { Icon, type IconName } from '@mezzo/web-ui';
import { STATUS_LABELS } from '../data/labels';

const ICONS: Record<ComplianceStatus, IconName> = {
  met: 'success',
  'in-progress': 'hourglass',
  overdue: 'error',
};

/** Compliance status as icon + word (never colour alone). */
@Component({
  selector: 'mz-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Icon],
  host: { '[class]': '"mz-chip mz-chip--" + (status() ?? "unknown")' },
  template: `@if (status(); as s) {
      <mz-icon [name]="icon()" />{{ label() }}
    } @else {
      Not evaluated
    }`,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 10px 2px 6px;
      border-radius: 16px;
      border: 1px solid currentColor;
      font: var(--mat-sys-label-large);
      white-space: nowrap;
      --mz-icon-size: 18px;
    }
    :host(.mz-chip--met) {
      color: #1b5e20;
      background: #e8f5e9;
    }
    :host(.mz-chip--in-progress) {
      color: #0d47a1;
      background: #e3f2fd;
    }
    :host(.mz-chip--overdue) {
      color: var(--mat-sys-on-error-container);
      background: var(--mat-sys-error-container);
    }
    :host(.mz-chip--unknown) {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class StatusChip {
  readonly status = input<ComplianceStatus | null>(null);
  protected readonly label = computed(() => {
    const s = this.status();
    return s ? STATUS_LABELS[s] : '';
  });
  protected readonly icon = computed(
    () => ICONS[this.status() ?? 'in-progress'],
  );
}
