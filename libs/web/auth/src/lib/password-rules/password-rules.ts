import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';
import { PASSWORD_MIN_LENGTH } from '@mezzo/shared-contracts';
import { Icon } from '@mezzo/web-ui';

/**
 * The password rule, visible while typing (it sits in the field's hint, so the input's
 * aria-describedby reads it). Length is the rule the API enforces; no composition rules.
 */
@Component({
  selector: 'mz-password-rules',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Icon],
  template: `
    <span class="rule" [class.rule--met]="met()">
      <mz-icon [name]="met() ? 'check' : 'circle'" />
      At least {{ min }} characters{{ met() ? '' : progress() }}
      <span class="cdk-visually-hidden">{{ met() ? '(done)' : '' }}</span>
    </span>
  `,
  styles: `
    .rule {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      --mz-icon-size: 16px;
    }
    .rule--met {
      color: var(--mat-sys-primary);
    }
  `,
})
export class PasswordRules {
  readonly value = input<string>('');
  protected readonly min = PASSWORD_MIN_LENGTH;
  protected readonly met = computed(
    () => this.value().length >= PASSWORD_MIN_LENGTH,
  );
  protected readonly progress = computed(() => {
    const length = this.value().length;
    return length > 0 ? ` (${length} so far)` : '';
  });
}
