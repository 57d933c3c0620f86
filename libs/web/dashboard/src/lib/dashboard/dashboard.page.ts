import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ComplianceDto, LicenseDto } from '@mezzo/shared-contracts';
import { AuthStore, errorMessage } from '@mezzo/web-core';
import {
  AdvocacyFlag,
  LicensesApi,
  LoadError,
  ProgressMeter,
  StatusChip,
  dateText,
  daysLeftText,
  hours,
  remote,
} from '@mezzo/web-licenses';
import { Icon } from '@mezzo/web-ui';
import {
  catchError,
  forkJoin,
  map,
  of,
  switchMap,
  type Observable,
} from 'rxjs';

export interface DashboardCard {
  license: LicenseDto;
  compliance: ComplianceDto | null;
  /** Why this license's compliance could not be loaded (the others still show). */
  error: string | null;
}

const STATUS_RANK = { overdue: 0, 'in-progress': 1, met: 2 } as const;

/**
 * Most urgent first: overdue, then in progress by days left, then met; a license whose compliance
 * could not be loaded goes last (its card says so). Ties keep the list's order (by name).
 */
export function byUrgency(a: DashboardCard, b: DashboardCard): number {
  const rank = (c: DashboardCard) =>
    c.compliance
      ? STATUS_RANK[
          c.compliance.license.status ?? c.compliance.evaluation.status
        ]
      : 3;
  const days = (c: DashboardCard) =>
    c.compliance?.evaluation.cycle.daysLeft ?? c.license.cycle?.daysLeft ?? 0;
  return rank(a) - rank(b) || days(a) - days(b);
}

/** How many plan items a card shows: the most urgent few, the rest are on the license page. */
const PLAN_ITEMS = 3;

/**
 * The licensee's home: one card per active license with its status, days left, hours, the next
 * things to do and its advocacy flag. The licenses' compliance is fetched in parallel.
 */
@Component({
  selector: 'mz-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    AdvocacyFlag,
    Icon,
    LoadError,
    ProgressMeter,
    StatusChip,
  ],
  templateUrl: './dashboard.page.html',
  styleUrl: './dashboard.page.scss',
})
export class LicenseeDashboardPage {
  private readonly api = inject(LicensesApi);
  private readonly user = inject(AuthStore).user;

  protected readonly firstName = computed(() => {
    const name = this.user()?.name.trim() ?? '';
    return name.split(/\s+/)[0] || 'there';
  });

  protected readonly cards = remote(
    () => true,
    () => this.load(),
  );
  protected readonly list = this.cards.value;
  protected readonly fmt = hours;
  protected readonly dateText = dateText;
  protected readonly daysLeftText = daysLeftText;

  protected nextItems(c: ComplianceDto) {
    // The engine lists specific requirements before the catch-all total: those are the urgent ones.
    return c.evaluation.plan.slice(0, PLAN_ITEMS);
  }

  private load(): Observable<DashboardCard[]> {
    return this.api.list(false).pipe(
      switchMap((licenses) =>
        licenses.length === 0
          ? of([])
          : forkJoin(
              licenses.map((license) =>
                this.api.compliance(license.id).pipe(
                  map((compliance): DashboardCard => ({
                    license,
                    compliance,
                    error: null,
                  })),
                  catchError((err: unknown) =>
                    of<DashboardCard>({
                      license,
                      compliance: null,
                      error: errorMessage(err),
                    }),
                  ),
                ),
              ),
            ).pipe(map((cards) => [...cards].sort(byUrgency))),
      ),
    );
  }
}
