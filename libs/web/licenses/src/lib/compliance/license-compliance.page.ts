import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import type { RequirementResult } from '@mezzo/compliance-engine';
import type { ComplianceDto } from '@mezzo/shared-contracts';
import { errorMessage } from '@mezzo/web-core';
import { Alert } from '@mezzo/web-ui';
import { filter, switchMap } from 'rxjs';
import {
  EXCLUSION_LABELS,
  daysLeftText,
  exclusionDetail,
  hours,
  dateText,
} from '../data/labels';
import { LicensesApi } from '../data/licenses.api';
import { remote } from '../data/remote';
import { LoadError } from '../ui/load-error';
import { ProgressMeter } from '../ui/progress-meter';
import { StatusChip } from '../ui/status-chip';
import { AdvocacyPanel } from './advocacy-panel';
import { LicenseRecords } from './license-records';
import { RetireDialog, type RetireDialogData } from './retire-dialog';

/** A credit line as the page shows it. */
interface CreditLine {
  id: string;
  title: string;
  completedOn: string | null;
  hours: number;
}

/**
 * One license's compliance (PRODUCT.md §2, §5): overall status and days left, every requirement with
 * its progress, source and the credits serving it, the excluded hours and why, the plan of what is
 * left, and the advocacy balance. Route `licenses/:id`; `id` arrives as an input.
 */
@Component({
  selector: 'mz-license-compliance-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    Alert,
    AdvocacyPanel,
    LicenseRecords,
    LoadError,
    ProgressMeter,
    StatusChip,
  ],
  templateUrl: './license-compliance.page.html',
  styleUrl: './license-compliance.page.scss',
})
export class LicenseCompliancePage {
  private readonly api = inject(LicensesApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly id = input.required<string>();

  protected readonly compliance = remote(
    () => this.id(),
    (id) => this.api.compliance(id),
  );
  protected readonly data = this.compliance.value;
  protected readonly retiring = signal(false);
  protected readonly confirming = signal(false);
  protected readonly actionError = signal<string | null>(null);

  protected readonly fmt = hours;
  protected readonly dateText = dateText;
  protected readonly daysLeftText = daysLeftText;
  protected readonly exclusionLabels = EXCLUSION_LABELS;
  protected readonly detailOf = exclusionDetail;

  protected readonly title = computed(() => {
    const d = this.data();
    return d ? `${d.license.jurisdiction} ${d.license.licenseType}` : 'License';
  });

  protected readonly excluded = computed(() => {
    const d = this.data();
    if (!d) return [];
    return byDate(
      d.evaluation.excluded.map((e) => ({
        ...e,
        credit: this.credit(d, e.creditId),
      })),
      (e) => e.credit,
    );
  });
  /**
   * The hours the plan still asks for. More than the total's shortfall when open requirements
   * need more than the total lacks (3 h of a topic when only 1.5 h of the total are missing).
   */
  protected readonly planHours = computed(
    () =>
      // In hundredths, as the engine counts: 2.7 + 0.1 must be 2.8, not 2.8000000000000003.
      (this.data()?.evaluation.plan ?? []).reduce(
        (sum, p) => sum + Math.round(p.hours * 100),
        0,
      ) / 100,
  );
  protected readonly excludedHours = computed(() =>
    this.excluded().reduce((sum, e) => sum + e.hours, 0),
  );

  protected creditsOf(req: RequirementResult): CreditLine[] {
    const d = this.data();
    if (!d) return [];
    return byDate(
      req.allocations.map((a) => ({
        ...this.credit(d, a.creditId),
        hours: a.hours,
      })),
      (c) => c,
    );
  }

  private credit(d: ComplianceDto, id: string): CreditLine {
    const c = d.credits[id];
    return {
      id,
      title: c?.title ?? 'A credit no longer in your log',
      completedOn: c?.completedOn ?? null,
      hours: c?.hours ?? 0,
    };
  }

  /**
   * The licensee renewed for the overdue cycle: recorded, with Undo (the previous confirmation put
   * back), and the page shows the current cycle's standing.
   */
  protected confirmRenewed(): void {
    const d = this.data();
    if (!d?.overdue || this.confirming()) return;
    const end = d.overdue.cycle.end;
    const previous = d.license.renewedThrough;
    this.actionError.set(null);
    this.confirming.set(true);
    this.api
      .setRenewedThrough(d.license.id, {
        renewedThrough: end,
        version: d.license.version,
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (license) => {
          this.confirming.set(false);
          this.compliance.reload();
          // The pressed button goes with its section: keep the keyboard on the page, at its heading.
          this.host.nativeElement.querySelector<HTMLElement>('h1')?.focus();
          this.snackBar
            .open(`Renewal through ${dateText(end)} recorded.`, 'Undo', {
              duration: 8000,
            })
            .onAction()
            .pipe(
              switchMap(() =>
                this.api.setRenewedThrough(license.id, {
                  renewedThrough: previous,
                  version: license.version,
                }),
              ),
            )
            .subscribe({
              next: () => this.compliance.reload(),
              error: (err: unknown) =>
                this.snackBar.open(
                  `The renewal was not undone. ${errorMessage(err)}`,
                  'Close',
                ),
            });
        },
        error: (err: unknown) => {
          this.confirming.set(false);
          this.actionError.set(
            `The renewal was not recorded. ${errorMessage(err)}`,
          );
        },
      });
  }

  /** Tracks a retired license again, from its page. */
  protected reinstate(): void {
    const d = this.data();
    if (!d || this.retiring()) return;
    this.actionError.set(null);
    this.retiring.set(true);
    this.api
      .reinstate(d.license.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.retiring.set(false);
          this.snackBar.open(`${this.title()} is tracked again.`, undefined, {
            duration: 4000,
          });
          this.compliance.reload();
          // The pressed button gives way to Retire: keep the keyboard on the page, at its heading.
          this.host.nativeElement.querySelector<HTMLElement>('h1')?.focus();
        },
        error: (err: unknown) => {
          this.retiring.set(false);
          this.actionError.set(
            `The license was not reinstated. ${errorMessage(err)}`,
          );
        },
      });
  }

  protected retire(): void {
    const d = this.data();
    if (!d || this.retiring()) return;
    this.actionError.set(null);
    const data: RetireDialogData = {
      name: `${this.title()} ${d.license.number}`,
    };
    this.dialog
      .open<RetireDialog, RetireDialogData, boolean>(RetireDialog, {
        data,
        // A margin on a phone too: maxWidth replaces Material's 80vw.
        maxWidth: 'min(480px, calc(100vw - 32px))',
      })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => {
          this.retiring.set(true);
          return this.api.retire(d.license.id);
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.retiring.set(false);
          const title = this.title();
          // Not tied to this page: it is left at once for the list, and Undo is pressed there.
          // onAction completes when the snackbar closes, so nothing outlives it.
          this.snackBar
            .open(`${title} retired.`, 'Undo', { duration: 8000 })
            .onAction()
            .pipe(switchMap(() => this.api.reinstate(d.license.id)))
            .subscribe({
              next: () => {
                this.snackBar.open(`${title} is tracked again.`, undefined, {
                  duration: 4000,
                });
                void this.router.navigate(['/licenses', d.license.id]);
              },
              error: (err: unknown) =>
                this.snackBar.open(
                  `${title} was not reinstated. ${errorMessage(err)}`,
                  'Close',
                ),
            });
          void this.router.navigateByUrl('/licenses');
        },
        error: (err: unknown) => {
          this.retiring.set(false);
          this.actionError.set(
            `The license was not retired. ${errorMessage(err)}`,
          );
        },
      });
  }
}

/**
 * Lines about credits as the credit log lists them: newest first, then by title; a credit no longer
 * in the log last. The evaluation lists them by credit id, which means nothing to the licensee (ids
 * are UUIDs). A stable sort: lines of one credit keep the evaluation's order.
 */
function byDate<T>(lines: T[], creditOf: (line: T) => CreditLine): T[] {
  return lines.sort((a, b) => {
    const x = creditOf(a);
    const y = creditOf(b);
    if (x.completedOn !== y.completedOn) {
      if (x.completedOn === null) return 1;
      if (y.completedOn === null) return -1;
      return x.completedOn < y.completedOn ? 1 : -1;
    }
    return x.title.localeCompare(y.title);
  });
}
