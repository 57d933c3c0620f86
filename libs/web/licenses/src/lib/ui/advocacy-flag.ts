import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';
import type { AdvocacyStatus } from '@mezzo/compliance-engine';
import { Icon, type IconName } from '@mezzo/web-ui';
import { ADVOCACY_LABELS } from '../data/labels';

const ICONS: Record<AdvocacyStatus, IconName> = {
  missing: 'error',
  thin: 'hourglass',
  balanced: 'success',
};

/** "Advocacy: Thin" — a word and an icon, with colour only as a third cue. */
@Component({
  selector: 'mz-advocacy-flag',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Icon],
  host: { '[class]': '"mz-flag mz-flag--" + status()' },
  template: `<mz-icon [name]="icon()" /><span
      >{{ prefix() }}<strong>{{ label() }}</strong></span
    >`,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 10px 2px 6px;
      border-radius: 4px;
      border: 1px solid currentColor;
      font: var(--mat-sys-label-large);
      --mz-icon-size: 18px;
    }
    :host(.mz-flag--missing) {
      color: var(--mat-sys-on-error-container);
      background: var(--mat-sys-error-container);
    }
    :host(.mz-flag--thin) {
      color: #6d4c00;
      background: #fff3d6;
      border-style: dashed;
    }
    :host(.mz-flag--balanced) {
      color: #1b5e20;
      background: #e8f5e9;
    }
  `,
})
export class AdvocacyFlag {
  readonly status = input.required<AdvocacyStatus>();
  /** Text before the status word, e.g. "Advocacy: ". */
  readonly prefix = input('Advocacy: ');
  protected readonly label = computed(() => ADVOCACY_LABELS[this.status()]);
  protected readonly icon = computed(() => ICONS[this.status()]);
}
