import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  effect,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Clipboard } from '@angular/cdk/clipboard';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
  type AbstractControl,
  type ValidationErrors,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { SettingsDto } from '@mezzo/shared-contracts';
import { apiError, errorMessage } from '@mezzo/web-core';
import { LoadError, dateText, remote } from '@mezzo/web-licenses';
import {
  Alert,
  SubmitButton,
  applyServerErrors,
  controlError,
  focusFirstInvalid,
  formErrorTiming,
} from '@mezzo/web-ui';
import { finalize } from 'rxjs';
import { AccountApi } from '../data/account.api';

/** A percentage with at most two decimals, or empty (the default). */
export function percentOrEmpty(
  control: AbstractControl<string | number | null>,
): ValidationErrors | null {
  const raw = control.value;
  if (raw === null || raw === '') return null;
  const n = Number(raw);
  if (!Number.isFinite(n)) return { number: true };
  if (n < 0 || n > 100) return { range: true };
  if (Math.round(n * 100) !== n * 100) return { decimals: true };
  return null;
}

/**
 * The licensee's settings: the advocacy floor, the reminder emails, and the private calendar feed.
 * Route `settings`.
 */
@Component({
  selector: 'mz-settings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [formErrorTiming],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSlideToggleModule,
    Alert,
    LoadError,
    SubmitButton,
  ],
  templateUrl: './settings.page.html',
  styleUrls: ['../account-pages.scss', './settings.page.css'],
})
export class SettingsPage {
  private readonly api = inject(AccountApi);
  private readonly clipboard = inject(Clipboard);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly settings = remote(
    () => true,
    () => this.api.settings(),
  );
  protected readonly form = inject(NonNullableFormBuilder).group({
    advocacyFloorPercent: ['' as string | number | null, [percentOrEmpty]],
    reminders: inject(NonNullableFormBuilder).group({
      deadlines: [true, Validators.required],
      advocacy: [true, Validators.required],
    }),
  });
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly error = signal<string | null>(null);

  /** The calendar feed's state, kept here so that creating/revoking updates it without a reload. */
  protected readonly calendar = signal<SettingsDto['calendar'] | null>(null);
  protected readonly feedUrl = signal<string | null>(null);
  protected readonly calendarBusy = signal(false);
  protected readonly calendarError = signal<string | null>(null);
  protected readonly copied = signal(false);

  protected readonly fieldError = controlError;
  protected readonly dateText = dateText;
  protected readonly floorMessages = {
    number: 'Enter a number, like 10.',
    range: 'Enter a percentage from 0 to 100.',
    decimals: 'Use at most two decimals.',
  };

  constructor() {
    effect(() => {
      const s = this.settings.value();
      if (s) this.fill(s);
    });
  }

  private fill(s: SettingsDto): void {
    this.form.reset({
      advocacyFloorPercent: s.advocacyFloorPercent ?? '',
      reminders: { ...s.reminders },
    });
    this.calendar.set(s.calendar);
  }

  protected save(): void {
    if (this.saving()) return;
    this.saved.set(false);
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement, this.form);
      return;
    }
    const v = this.form.getRawValue();
    const floor =
      v.advocacyFloorPercent === null || v.advocacyFloorPercent === ''
        ? null
        : Number(v.advocacyFloorPercent);
    this.saving.set(true);
    this.api
      .updateSettings({ advocacyFloorPercent: floor, reminders: v.reminders })
      .pipe(
        finalize(() => this.saving.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (s) => {
          this.fill(s);
          this.saved.set(true);
        },
        error: (err: unknown) => {
          const body = apiError(err);
          if (body?.code === 'validation_failed') {
            const { applied, unmatched } = applyServerErrors(
              this.form,
              body.fields,
            );
            if (applied > 0)
              focusFirstInvalid(this.host.nativeElement, this.form);
            this.error.set([errorMessage(err), ...unmatched].join(' '));
            return;
          }
          this.error.set(`Your settings were not saved. ${errorMessage(err)}`);
        },
      });
  }

  /**
   * Changes not saved yet (`confirmLeavingUnsaved`): the switches and the floor take effect only
   * with "Save settings", so leaving after a change asks first. A save resets the form to what the
   * server kept.
   */
  hasUnsavedChanges(): boolean {
    return this.form.dirty;
  }

  /** Creates the feed, or replaces its URL (the old one stops working at once). */
  protected newFeed(): void {
    if (this.calendarBusy()) return;
    this.calendarBusy.set(true);
    this.calendarError.set(null);
    this.copied.set(false);
    this.api
      .createCalendarToken()
      .pipe(
        finalize(() => this.calendarBusy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: ({ url }) => {
          this.feedUrl.set(url);
          this.calendar.set({
            enabled: true,
            createdAt: new Date().toISOString(),
          });
        },
        error: (err: unknown) =>
          this.calendarError.set(`No feed URL was made. ${errorMessage(err)}`),
      });
  }

  protected revokeFeed(): void {
    if (this.calendarBusy()) return;
    this.calendarBusy.set(true);
    this.calendarError.set(null);
    this.api
      .revokeCalendarToken()
      .pipe(
        finalize(() => this.calendarBusy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.feedUrl.set(null);
          this.calendar.set({ enabled: false, createdAt: null });
        },
        error: (err: unknown) =>
          this.calendarError.set(`The feed is still on. ${errorMessage(err)}`),
      });
  }

  protected copy(url: string): void {
    this.copied.set(this.clipboard.copy(url));
  }
}
