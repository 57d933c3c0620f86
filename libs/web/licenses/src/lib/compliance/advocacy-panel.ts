import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';
import type { AdvocacyBalance } from '@mezzo/compliance-engine';
import { hours } from '../data/labels';
import { AdvocacyFlag } from '../ui/advocacy-flag';

interface Segment {
  key: 'clinical' | 'macro' | 'general';
  label: string;
  hours: number;
  percent: number;
}

/** Why macro CE matters, said once wherever the flag is not "balanced". */
export const ADVOCACY_WHY =
  'Macro CE — policy, community practice, administration and research — keeps the profession’s commitment to social and political action part of your practice, even when your board does not ask for it.';

/**
 * The advocacy balance (PRODUCT.md §5): clinical / macro / general hours as a stacked bar with a text
 * legend, the macro share against the floor, a Missing / Thin flag with why it matters, and what the
 * state says when it caps or refuses macro hours. Computed beside compliance, never mixed into it.
 */
@Component({
  selector: 'mz-advocacy-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AdvocacyFlag],
  template: `
    <section class="mz-adv" aria-labelledby="mz-adv-heading">
      <div class="mz-adv__head">
        <h2 id="mz-adv-heading">Advocacy balance</h2>
        <mz-advocacy-flag [status]="balance().status" />
      </div>

      <p class="mz-adv__summary">{{ summary() }}</p>
      @if (balance().status !== 'balanced') {
        <p class="mz-adv__why">{{ why }}</p>
      }

      <div class="mz-adv__bar" role="img" [attr.aria-label]="chartLabel()">
        @for (s of segments(); track s.key) {
          @if (s.percent > 0) {
            <span
              class="mz-adv__seg mz-adv__seg--{{ s.key }}"
              [style.width.%]="s.percent"
            ></span>
          }
        }
        @if (total() === 0) {
          <span class="mz-adv__empty">No hours completed in this cycle yet</span>
        }
      </div>
      <ul class="mz-adv__legend">
        @for (s of segments(); track s.key) {
          <li>
            <span
              class="mz-adv__swatch mz-adv__seg--{{ s.key }}"
              aria-hidden="true"
            ></span>
            {{ s.label }}: <strong>{{ fmt(s.hours) }}</strong> ({{
              s.percent
            }}%)
          </li>
        }
      </ul>
      <p class="mz-adv__scope">
        The balance covers every hour completed in this cycle, including hours
        this board does not count toward renewal.
      </p>

      <p class="mz-adv__share">
        Macro share: <strong>{{ sharePercent() }}%</strong> ({{
          fmt(balance().macroHours)
        }}) — floor {{ fmt(balance().floorHours) }}.
        @if (
          balance().macroHours >= balance().floorHours &&
          balance().floorHours > 0
        ) {
          At or above the floor.
        } @else {
          {{ fmt(shortOfFloor()) }} below the floor.
        }
      </p>

      @if (balance().macroCountsTowardRenewal !== 'yes') {
        <div class="mz-adv__note" role="note">
          <h3>
            {{
              balance().macroCountsTowardRenewal === 'capped'
                ? 'This board caps macro hours'
                : 'This board does not count macro hours'
            }}
          </h3>
          <p>{{ balance().note }}</p>
        </div>
      } @else if (balance().note) {
        <details class="mz-adv__details">
          <summary>What this board says about macro hours</summary>
          <p>{{ balance().note }}</p>
        </details>
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    .mz-adv__scope {
      margin: 4px 0 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .mz-adv__head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-title-large);
    }
    h3 {
      margin: 0 0 4px;
      font: var(--mat-sys-title-small);
    }
    .mz-adv__summary {
      margin: 12px 0 4px;
    }
    .mz-adv__why {
      margin: 0 0 12px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    .mz-adv__bar {
      display: flex;
      height: 20px;
      border-radius: 4px;
      overflow: hidden;
      background: var(--mat-sys-surface-container-highest);
      outline: 1px solid var(--mat-sys-outline-variant);
    }
    .mz-adv__seg {
      display: block;
      height: 100%;
    }
    .mz-adv__seg--clinical {
      background: #1565c0;
    }
    /* Stripes as well as colour: the macro share is readable without colour vision. */
    .mz-adv__seg--macro {
      background: repeating-linear-gradient(
        45deg,
        #e65100 0 4px,
        #ffb74d 4px 8px
      );
    }
    /* #757575: 4.6:1 against white, so the segment is seen (WCAG 1.4.11 asks 3:1). */
    .mz-adv__seg--general {
      background: #757575;
    }
    .mz-adv__empty {
      padding: 0 8px;
      font: var(--mat-sys-body-small);
      line-height: 20px;
    }
    .mz-adv__legend {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      list-style: none;
      margin: 8px 0;
      padding: 0;
      font: var(--mat-sys-body-medium);
    }
    .mz-adv__swatch {
      display: inline-block;
      width: 12px;
      height: 12px;
      margin-right: 4px;
      vertical-align: -1px;
      border-radius: 2px;
    }
    .mz-adv__share {
      margin: 8px 0;
    }
    .mz-adv__note {
      margin-top: 12px;
      padding: 12px 16px;
      border-left: 4px solid var(--mat-sys-tertiary);
      background: var(--mat-sys-surface-container);
      border-radius: 4px;
    }
    .mz-adv__note p,
    .mz-adv__details p {
      margin: 0;
      font: var(--mat-sys-body-medium);
    }
    .mz-adv__details {
      margin-top: 8px;
      font: var(--mat-sys-body-medium);
    }
    .mz-adv__details summary {
      cursor: pointer;
      color: var(--mat-sys-primary);
      padding: 4px 0;
    }
  `,
})
export class AdvocacyPanel {
  readonly balance = input.required<AdvocacyBalance>();
  protected readonly why = ADVOCACY_WHY;
  protected readonly fmt = hours;

  protected readonly total = computed(() => {
    const b = this.balance();
    return b.clinicalHours + b.macroHours + b.generalHours;
  });
  protected readonly segments = computed<Segment[]>(() => {
    const b = this.balance();
    const total = this.total();
    const pct = (h: number) => (total > 0 ? Math.round((h / total) * 100) : 0);
    return [
      {
        key: 'clinical',
        label: 'Clinical',
        hours: b.clinicalHours,
        percent: pct(b.clinicalHours),
      },
      {
        key: 'macro',
        label: 'Macro / advocacy',
        hours: b.macroHours,
        percent: pct(b.macroHours),
      },
      {
        key: 'general',
        label: 'General',
        hours: b.generalHours,
        percent: pct(b.generalHours),
      },
    ];
  });
  protected readonly sharePercent = computed(() =>
    Math.round(this.balance().macroShare * 100),
  );
  protected readonly shortOfFloor = computed(() =>
    Math.max(0, this.balance().floorHours - this.balance().macroHours),
  );
  protected readonly chartLabel = computed(() => {
    const b = this.balance();
    return `Hours by practice level: clinical ${hours(b.clinicalHours)}, macro ${hours(b.macroHours)}, general ${hours(b.generalHours)}`;
  });
  protected readonly summary = computed(() => {
    const b = this.balance();
    switch (b.status) {
      case 'missing':
        return 'Missing: no macro or advocacy hours count in this cycle yet.';
      case 'thin':
        return `Thin: ${hours(b.macroHours)} of macro or advocacy content, below the floor of ${hours(b.floorHours)}.`;
      default:
        return `Balanced: ${hours(b.macroHours)} of macro or advocacy content, at or above the floor of ${hours(b.floorHours)}.`;
    }
  });
}
