import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
} from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { CreditEventDto } from '@mezzo/shared-contracts';
import {
  FORMAT_LABELS,
  LoadError,
  hours,
  labelOf,
  remote,
  dateText,
  dateTimeText,
} from '@mezzo/web-licenses';
import { CreditsApi } from '../data/credits.api';
import { creditChanges } from './credit-changes';

const ACTIONS: Record<CreditEventDto['action'], string> = {
  created: 'Logged',
  updated: 'Changed',
  deleted: 'Deleted',
  restored: 'Restored',
};

/** Route `credits/:id/history`: every change to a credit, oldest first, with what it looked like after. */
@Component({
  selector: 'mz-credit-history-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatProgressBarModule, LoadError],
  template: `
    <nav class="mz-back" aria-label="Breadcrumb">
      <a routerLink="/credits">← All credits</a>
    </nav>
    <h1 class="mz-title">History of {{ title() }}</h1>
    @if (history.isLoading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading the history" />
    }
    @if (history.error()) {
      <mz-load-error
        what="The history could not be loaded."
        [error]="history.error()"
        (retry)="history.reload()"
      />
    } @else if (events(); as list) {
      @if (list.length === 0) {
        <p>No changes recorded.</p>
      } @else {
        <ol class="mz-events">
          @for (e of list; track $index; let i = $index) {
            <li>
              <h2>{{ actionLabel(e.action) }} · {{ dateTimeText(e.at) }}</h2>
              <p class="mz-muted">by {{ e.actor.name }}</p>
              @if (e.action === 'updated' && i > 0) {
                @let changed = changes(list[i - 1], e);
                @if (changed.length > 0) {
                  <ul class="mz-changes" aria-label="What changed">
                    @for (c of changed; track c) {
                      <li>{{ c }}</li>
                    }
                  </ul>
                } @else {
                  <p class="mz-muted">Saved without changes.</p>
                }
              }
              <p>
                {{ e.snapshot.title }} — {{ fmt(e.snapshot.hours) }},
                {{ dateText(e.snapshot.completedOn) }},
                {{ formatLabel(e.snapshot.format) }}; clinical
                {{ fmt(e.snapshot.practice.clinical) }}, macro
                {{ fmt(e.snapshot.practice.macro) }}, general
                {{ fmt(e.snapshot.practice.general) }}
              </p>
            </li>
          }
        </ol>
      }
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 720px;
    }
    .mz-back {
      margin-bottom: 8px;
      font: var(--mat-sys-body-medium);
    }
    .mz-title {
      margin: 0 0 16px;
      font: var(--mat-sys-headline-medium);
      overflow-wrap: anywhere;
    }
    .mz-events {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .mz-events li {
      padding: 12px 0 12px 16px;
      border-left: 3px solid var(--mat-sys-primary);
      margin-bottom: 8px;
    }
    .mz-events h2 {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .mz-events p {
      margin: 4px 0 0;
    }
    .mz-events .mz-changes {
      margin: 4px 0 0;
      padding-left: 20px;
    }
    .mz-events .mz-changes li {
      border: 0;
      padding: 0;
      margin: 0;
      overflow-wrap: anywhere;
    }
    .mz-muted {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class CreditHistoryPage {
  private readonly api = inject(CreditsApi);
  readonly id = input.required<string>();
  protected readonly history = remote(
    () => this.id(),
    (id) => this.api.history(id),
  );
  protected readonly events = this.history.value;
  protected readonly title = computed(() => {
    const list = this.events();
    return list && list.length > 0
      ? `“${list[list.length - 1].snapshot.title}”`
      : 'a credit';
  });
  protected readonly fmt = hours;
  protected readonly dateText = dateText;
  protected readonly dateTimeText = dateTimeText;
  protected readonly formatLabel = (code: string) =>
    labelOf(FORMAT_LABELS, code);
  protected actionLabel(a: CreditEventDto['action']): string {
    return ACTIONS[a];
  }
  protected changes(before: CreditEventDto, after: CreditEventDto): string[] {
    return creditChanges(before.snapshot, after.snapshot);
  }
}
