import {
  ChangeDetectionStrategy,
  Component,
  inject,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { Icon } from '@mezzo/web-ui';
import { daysLeftText, dateText } from '../data/labels';
import { LicensesApi } from '../data/licenses.api';
import { remote } from '../data/remote';
import { LoadError } from '../ui/load-error';
import { StatusChip } from '../ui/status-chip';

/** Route `licenses`: every license as a card, retired ones on request. */
@Component({
  selector: 'mz-licenses-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    MatSlideToggleModule,
    Icon,
    LoadError,
    StatusChip,
  ],
  template: `
    <div class="mz-page-head">
      <h1 class="mz-title">Licenses</h1>
      <a mat-flat-button routerLink="new">Add a license</a>
    </div>
    <mat-slide-toggle
      class="mz-toggle"
      [checked]="showRetired()"
      (change)="showRetired.set($event.checked)"
      >Show retired</mat-slide-toggle
    >

    @if (licenses.isLoading()) {
      <mat-progress-bar
        mode="indeterminate"
        aria-label="Loading your licenses"
      />
    }
    @if (licenses.error()) {
      <mz-load-error
        what="Your licenses could not be loaded."
        [error]="licenses.error()"
        (retry)="licenses.reload()"
      />
    } @else if (list(); as items) {
      @if (items.length === 0) {
        <div class="mz-empty">
          <mz-icon name="license" class="mz-empty__icon" />
          <h2>
            {{ showRetired() ? 'No licenses yet' : 'No active licenses' }}
          </h2>
          <p>
            Add each license you hold — its state, type, number and issue date —
            and Mezzo works out its renewal cycle and the hours you need.
          </p>
          <a mat-flat-button routerLink="new">Add your first license</a>
        </div>
      } @else {
        <ul class="mz-cards">
          @for (l of items; track l.id) {
            <li class="mz-card" [class.mz-card--retired]="l.retiredAt">
              <h2 class="mz-card__title">
                <a [routerLink]="[l.id]"
                  >{{ l.jurisdiction }} {{ l.licenseType }}</a
                >
              </h2>
              <p class="mz-card__number">License {{ l.number }}</p>
              @if (l.retiredAt) {
                <p><strong>Retired</strong> on {{ dateText(l.retiredAt) }}</p>
              } @else {
                <div class="mz-card__status">
                  <mz-status-chip [status]="l.status" />
                  @if (l.cycle) {
                    <span>{{ daysLeftText(l.cycle.daysLeft) }}</span>
                  }
                </div>
              }
              @if (l.cycle) {
                <p class="mz-muted">
                  Cycle {{ dateText(l.cycle.start) }} –
                  {{ dateText(l.cycle.end) }}
                </p>
              } @else {
                <p class="mz-muted">
                  The renewal cycle could not be worked out.
                </p>
              }
            </li>
          }
        </ul>
      }
    }
  `,
  styles: `
    @use 'cards';

    @include cards.page-head;
    .mz-title {
      margin: 0;
      font: var(--mat-sys-headline-medium);
    }
    .mz-toggle {
      display: block;
      margin: 8px 0 16px;
    }
    @include cards.link-cards(280px);
    .mz-card--retired {
      background: var(--mat-sys-surface-container);
    }
    /* The whole card is the link's hit area (cards.link-cards); the focus ring stays on the title link. */
    .mz-card__title a:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
    }
    .mz-card__number {
      margin: 4px 0 8px;
      font: var(--mat-sys-body-medium);
    }
    .mz-card__status {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
    }
    .mz-muted {
      margin: 8px 0 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    @include cards.empty-state(560px);
  `,
})
export class LicensesListPage {
  private readonly api = inject(LicensesApi);
  protected readonly showRetired = signal(false);
  protected readonly licenses = remote(
    () => this.showRetired(),
    (retired) => this.api.list(retired),
  );
  protected readonly list = this.licenses.value;
  protected readonly daysLeftText = daysLeftText;
  protected readonly dateText = dateText;
}
