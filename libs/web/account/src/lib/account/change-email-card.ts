import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
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
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { EMAIL_CHANGE_TTL_HOURS } from '@mezzo/shared-contracts';
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
import { finalize } from 'rxjs';
import { AccountApi } from '../data/account.api';

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

/**
 * The account page's "Sign-in email" card: a new address and the current password send a
 * confirmation link to that address; the email changes only when the link is opened (route
 * `account/email`, ConfirmEmailPage).
 */
@Component({
  selector: 'mz-change-email-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [formErrorTiming],
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    Alert,
    Icon,
    SubmitButton,
  ],
  templateUrl: './change-email-card.html',
  styleUrls: ['../account-pages.css', './account.page.css'],
})
export class ChangeEmailCard {
  private readonly api = inject(AccountApi);
  private readonly auth = inject(AuthStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly destroyRef = inject(DestroyRef);

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

  protected send(formDirective: FormGroupDirective): void {
    if (this.sending()) return;
    this.sent.set(null);
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
