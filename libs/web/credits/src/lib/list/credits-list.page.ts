import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import {
  MatPaginatorModule,
  type PageEvent,
} from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import {
  MatSnackBar,
  type MatSnackBarRef,
  type TextOnlySnackBar,
} from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import type { CreditDto, Page } from '@mezzo/shared-contracts';
import { errorMessage, saveBlob } from '@mezzo/web-core';
import {
  FORMAT_LABELS,
  LoadError,
  hours,
  labelOf,
  remote,
  dateText,
} from '@mezzo/web-licenses';
import { Alert, Icon } from '@mezzo/web-ui';
import { finalize, map, switchMap } from 'rxjs';
import { CreditsApi, type CreditsQuery } from '../data/credits.api';

const PHONE_QUERY = '(max-width: 767.98px)';

/**
 * Route `credits`: the credit log (table on a desktop, cards on a phone), paged by the API; the
 * Deleted view (`?view=deleted`) lists deleted credits with Restore. Export downloads the CSV.
 */
@Component({
  selector: 'mz-credits-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
    MatTabsModule,
    Alert,
    Icon,
    LoadError,
  ],
  templateUrl: './credits-list.page.html',
  styleUrl: './credits-list.page.scss',
})
export class CreditsListPage {
  private readonly api = inject(CreditsApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  /** `?view=deleted` shows the deleted credits. */
  readonly view = input<string>();
  protected readonly deleted = computed(() => this.view() === 'deleted');

  protected readonly isPhone = toSignal(
    inject(BreakpointObserver)
      .observe(PHONE_QUERY)
      .pipe(map((s) => s.matches)),
    { initialValue: false },
  );
  private readonly paging = signal({ deleted: false, page: 1 });
  /** Switching views starts again at page 1. */
  protected readonly page = computed(() => {
    const p = this.paging();
    return p.deleted === this.deleted() ? p.page : 1;
  });
  protected readonly pageSize = signal(25);

  protected readonly credits = remote<CreditsQuery, Page<CreditDto>>(
    () => ({
      page: this.page(),
      pageSize: this.pageSize(),
      deleted: this.deleted(),
    }),
    (q) => this.api.list(q),
  );
  protected readonly data = this.credits.value;
  /** Whether page 1 came back empty with a positive count and was read again (see below). */
  protected readonly reread = signal(false);
  /**
   * A page past the end (its last rows deleted or restored, here or in another tab) goes to the last
   * page that has rows, instead of telling a licensee with credits that they have none. Page 1 can
   * come back empty with a positive count only when rows change between the two reads: read again,
   * once.
   */
  private readonly backToLastPage = effect(() => {
    const d = this.data();
    if (!d) return;
    if (d.items.length > 0 || d.total === 0) {
      untracked(() => this.reread.set(false));
      return;
    }
    if (d.page > 1) {
      const last = Math.max(1, Math.ceil(d.total / d.pageSize));
      untracked(() => this.paging.set({ deleted: this.deleted(), page: last }));
    } else if (!untracked(this.reread)) {
      untracked(() => {
        this.reread.set(true);
        this.credits.reload();
      });
    }
  });
  protected readonly exporting = signal(false);
  protected readonly busyId = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  private readonly heading =
    viewChild.required<ElementRef<HTMLElement>>('heading');

  protected readonly columns = computed(() =>
    this.deleted()
      ? ['completedOn', 'title', 'hours', 'restore']
      : [
          'completedOn',
          'title',
          'hours',
          'split',
          'format',
          'certificate',
          'actions',
        ],
  );
  protected readonly fmt = hours;
  protected readonly dateText = dateText;
  protected readonly formatLabel = (code: string) =>
    labelOf(FORMAT_LABELS, code);

  /** An auditor asks for the certificate of every credit: the log says which have none. */
  protected certificateText(c: CreditDto): string {
    const n = c.certificateCount;
    if (n === undefined) return '';
    if (n === 0) return 'No certificate';
    return n === 1 ? '1 certificate' : `${n} certificates`;
  }

  protected split(c: CreditDto): string {
    const parts: string[] = [];
    if (c.practice.clinical)
      parts.push(`${hours(c.practice.clinical)} clinical`);
    if (c.practice.macro) parts.push(`${hours(c.practice.macro)} macro`);
    if (c.practice.general) parts.push(`${hours(c.practice.general)} general`);
    return parts.join(', ') || '—';
  }

  protected onPage(e: PageEvent): void {
    this.pageSize.set(e.pageSize);
    this.paging.set({ deleted: this.deleted(), page: e.pageIndex + 1 });
  }

  protected remove(c: CreditDto): void {
    this.actionError.set(null);
    this.busyId.set(c.id);
    this.api
      .delete(c.id)
      .pipe(
        finalize(() => this.busyId.set(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.credits.reload();
          const ref = this.snackBar.open(`Deleted “${c.title}”.`, 'Undo', {
            duration: 8000,
            politeness: 'polite',
          });
          this.keepFocus(ref);
          ref
            .onAction()
            .pipe(
              switchMap(() => this.api.restore(c.id)),
              takeUntilDestroyed(this.destroyRef),
            )
            .subscribe({
              next: () => {
                this.credits.reload();
                this.snackBar.open(`Restored “${c.title}”.`, undefined, {
                  duration: 4000,
                });
              },
              error: (err: unknown) =>
                this.actionError.set(
                  `The credit was not restored. ${errorMessage(err)}`,
                ),
            });
        },
        error: (err: unknown) =>
          this.actionError.set(
            `The credit was not deleted. ${errorMessage(err)}`,
          ),
      });
  }

  /**
   * The Delete button pressed goes away with its row, which would drop the keyboard on <body>: the
   * focus goes to the confirmation's Undo instead, and back to the heading when the confirmation
   * closes with the focus in it. (The snack bar announces its message politely itself.)
   */
  private keepFocus(ref: MatSnackBarRef<TextOnlySnackBar>): void {
    const container = ref.containerInstance._elementRef.nativeElement;
    ref
      .afterOpened()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => {
        const undo = container.querySelector<HTMLElement>('button');
        if (undo) undo.focus();
        else this.focusHeading();
      });
    ref
      .afterDismissed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => {
        const active = document.activeElement;
        if (!active || active === document.body || container.contains(active)) {
          this.focusHeading();
        }
      });
  }

  private focusHeading(): void {
    this.heading().nativeElement.focus();
  }

  protected restore(c: CreditDto): void {
    this.actionError.set(null);
    this.busyId.set(c.id);
    this.api
      .restore(c.id)
      .pipe(
        finalize(() => this.busyId.set(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.credits.reload();
          this.snackBar.open(`Restored “${c.title}”.`, undefined, {
            duration: 4000,
          });
        },
        error: (err: unknown) =>
          this.actionError.set(
            `The credit was not restored. ${errorMessage(err)}`,
          ),
      });
  }

  protected exportCsv(): void {
    if (this.exporting()) return;
    this.actionError.set(null);
    this.exporting.set(true);
    this.api
      .exportCsv()
      .pipe(
        finalize(() => this.exporting.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (blob) => saveBlob(blob, 'mezzo-credits.csv'),
        error: (err: unknown) =>
          this.actionError.set(
            `The export did not download. ${errorMessage(err)}`,
          ),
      });
  }
}
