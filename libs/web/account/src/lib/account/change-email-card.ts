import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  FormGroupDirective,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
  type ValidatorFn,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import {
  EMAIL_CHANGE_TTL_HOURS,
  type PendingEmailChangeDto,
} from '@mezzo/shared-contracts';
import { AuthStore, apiError, errorCode, errorMessage } from '@mezzo/web-core';
import {
  Alert,
  Icon,
  applyServerErrors,
  controlError,
  emailMessages,
  emailValidators,
  focusFirstInvalid,
  formErrorTiming,
  setServerError,
  SubmitButton,
} from '@mezzo/web-ui';
import { finalize, type Subscription } from 'rxjs';
import { AccountApi } from '../data/account.api';
import { focusOutcome } from '../data/email-link';

/** Refuses the address the account signs in with already (error `sameEmail`), as the API does. */
function notCurrentEmail(current: () => string): ValidatorFn {
  return (control) => {
    const value = String(control.value ?? '')
      .trim()
      .toLowerCase();
    return value !== '' && value === current().toLowerCase()
      ? { sameEmail: true }
      : null;
  };
}

// Intl, not DatePipe (as in web-licenses): DatePipe's code and locale data would weigh on the app.
const EXPIRY = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
});

/**
 * The account page's "Sign-in email" card: a new address and the current password send a
 * confirmation link to that address; the email changes only when the link is opened (route
 * `account/email`, ConfirmEmailPage). A change still waiting for its link is loaded with the page
 * (so a reload does not hide it), shown with its expiry, and can be cancelled here.
 */
@Component({
  selector: 'mz-change-email-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [formErrorTiming],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    Alert,
    Icon,
    SubmitButton,
  ],
  templateUrl: './change-email-card.html',
  styleUrls: ['../account-pages.scss', './account.page.css'],
})
export class ChangeEmailCard {
  private readonly api = inject(AccountApi);
  private readonly auth = inject(AuthStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);

  protected readonly current = computed(() => this.auth.user()?.email ?? '');
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [...emailValidators(), notCurrentEmail(this.current)]],
    password: ['', Validators.required],
  });
  protected readonly sending = signal(false);
  /** Once sent: where the link went, and the address that signs in until it is opened. */
  protected readonly sent = signal<{ to: string; from: string } | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly ttlHours = EMAIL_CHANGE_TTL_HOURS;
  protected readonly fieldError = controlError;
  protected readonly emailMessages = {
    ...emailMessages,
    required: 'Enter the new email address.',
    sameEmail: 'This is already your sign-in email.',
  };
  protected readonly passwordMessages = {
    required: 'Enter your current password.',
  };

  /** The change waiting for its link, as the API last said; `loading` until it has answered. */
  protected readonly pendingState = signal<'loading' | 'loaded' | 'failed'>(
    'loading',
  );
  protected readonly pending = signal<PendingEmailChangeDto | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly cancelling = signal(false);
  protected readonly cancelError = signal<string | null>(null);
  /** Once cancelled: the address whose link stopped working. */
  protected readonly cancelled = signal<string | null>(null);
  private loading?: Subscription;

  constructor() {
    this.loadPending();
  }

  /** "Nov 23, 2026, 8:10 PM EST": when the link stops working, in the person's own time zone. */
  protected expiryText(iso: string): string {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : EXPIRY.format(date);
  }

  /**
   * Asks the API for the pending change. `quiet` keeps what is shown until the answer comes (after
   * sending a link, when the card already says where it went) instead of "Checking…".
   */
  protected loadPending(quiet = false): void {
    this.loading?.unsubscribe();
    if (!quiet) this.pendingState.set('loading');
    this.loadError.set(null);
    this.loading = this.api
      .emailChangeStatus()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ({ pending }) => {
          this.pending.set(pending);
          this.cancelError.set(null);
          this.pendingState.set('loaded');
        },
        error: (err: unknown) => {
          this.loadError.set(
            `We could not check for a change waiting for confirmation. ${errorMessage(err)}`,
          );
          this.pendingState.set('failed');
        },
      });
  }

  /** Drops the pending change (its link stops working); focus moves to the outcome. */
  protected cancel(): void {
    const pending = this.pending();
    if (this.cancelling() || !pending) return;
    this.cancelError.set(null);
    this.cancelling.set(true);
    this.api
      .cancelEmailChange()
      .pipe(
        finalize(() => this.cancelling.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          // An answer still on its way would otherwise show the cancelled change again.
          this.loading?.unsubscribe();
          this.pending.set(null);
          this.pendingState.set('loaded');
          this.sent.set(null);
          this.cancelled.set(pending.email);
          focusOutcome(this.host, this.injector, '.mz-pending-outcome');
        },
        error: (err: unknown) =>
          this.cancelError.set(
            `The change was not cancelled. ${errorMessage(err)}`,
          ),
      });
  }

  protected send(formDirective: FormGroupDirective): void {
    if (this.sending()) return;
    this.sent.set(null);
    this.cancelled.set(null);
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement, this.form);
      return;
    }
    const { email, password } = this.form.getRawValue();
    const to = email.trim();
    const from = this.current();
    this.sending.set(true);
    this.api
      .requestEmailChange({ email: to, password })
      .pipe(
        finalize(() => this.sending.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          // Through the directive, so that `submitted` clears and no empty field shows an error.
          formDirective.resetForm();
          this.sent.set({ to, from });
          // The API's own expiry for the new link (this request replaced any earlier one).
          this.loadPending(true);
        },
        error: (err: unknown) => this.fail(err),
      });
  }

  private fail(err: unknown): void {
    const root = this.host.nativeElement;
    if (errorCode(err) === 'invalid_credentials') {
      setServerError(
        this.form.controls.password,
        'That password is not correct.',
      );
      focusFirstInvalid(root, this.form);
      return;
    }
    const body = apiError(err);
    const unmatched: string[] = [];
    if (body?.code === 'validation_failed') {
      const result = applyServerErrors(this.form, body.fields);
      unmatched.push(...result.unmatched);
      if (result.applied > 0) focusFirstInvalid(root, this.form);
    }
    this.error.set(
      [`The link was not sent. ${errorMessage(err)}`, ...unmatched].join(' '),
    );
  }
}
