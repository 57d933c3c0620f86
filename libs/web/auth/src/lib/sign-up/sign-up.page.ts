import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { ERROR_MESSAGES } from '@mezzo/shared-contracts';
import { AuthStore, errorCode, safeReturnUrl } from '@mezzo/web-core';
import {
  Alert,
  AuthLayout,
  Icon,
  personNameMessages,
  personNameValidators,
  controlError,
  emailMessages,
  emailValidators,
  focusFirstInvalid,
  newPasswordMessages,
  newPasswordValidators,
  setServerError,
  formErrorTiming,
  formFieldDefaults,
  SubmitButton,
} from '@mezzo/web-ui';
import { finalize } from 'rxjs';
import { readyToSubmit, submitError } from '../form-submit';
import { PasswordRules } from '../password-rules/password-rules';

@Component({
  selector: 'mz-sign-up-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [formErrorTiming, formFieldDefaults],
  imports: [
    SubmitButton,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    Alert,
    AuthLayout,
    Icon,
    PasswordRules,
  ],
  templateUrl: './sign-up.page.html',
  styleUrl: '../auth-page.scss',
})
export class SignUpPage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly destroyRef = inject(DestroyRef);

  readonly returnUrl = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', personNameValidators()],
    email: ['', emailValidators()],
    password: ['', newPasswordValidators()],
  });
  protected readonly password = toSignal(
    this.form.controls.password.valueChanges,
    {
      initialValue: '',
    },
  );
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly showPassword = signal(false);
  protected readonly fieldError = controlError;
  protected readonly emailMessages = emailMessages;
  protected readonly passwordMessages = newPasswordMessages;
  protected readonly nameMessages = personNameMessages;

  protected submit(): void {
    if (this.submitting()) return;
    this.error.set(null);
    if (!readyToSubmit(this.form, this.host.nativeElement)) return;
    const { name, email, password } = this.form.getRawValue();
    this.submitting.set(true);
    this.auth
      .register({ name: name.trim(), email: email.trim(), password })
      .pipe(
        finalize(() => this.submitting.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () =>
          void this.router.navigateByUrl(safeReturnUrl(this.returnUrl())),
        error: (err: unknown) => this.fail(err),
      });
  }

  private fail(err: unknown): void {
    if (errorCode(err) === 'email_taken') {
      // Said under the field it is about; the links below offer sign-in and reset.
      setServerError(this.form.controls.email, ERROR_MESSAGES.email_taken);
      focusFirstInvalid(this.host.nativeElement, this.form);
      return;
    }
    this.error.set(submitError(this.form, err, this.host.nativeElement));
  }
}
