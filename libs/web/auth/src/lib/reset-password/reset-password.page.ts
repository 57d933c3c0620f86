import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { AuthApi, errorCode } from '@mezzo/web-core';
import {
  Alert,
  AuthLayout,
  Icon,
  controlError,
  newPasswordMessages,
  newPasswordValidators,
  formErrorTiming,
  formFieldDefaults,
  SubmitButton,
} from '@mezzo/web-ui';
import { finalize, timeout } from 'rxjs';
import { readyToSubmit, submitError } from '../form-submit';
import { PasswordRules } from '../password-rules/password-rules';

@Component({
  selector: 'mz-reset-password-page',
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
  templateUrl: './reset-password.page.html',
  styleUrl: '../auth-page.scss',
})
export class ResetPasswordPage implements OnInit {
  private readonly api = inject(AuthApi);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly destroyRef = inject(DestroyRef);

  /** `?token=` from the emailed link, bound by the router. */
  readonly token = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    newPassword: ['', newPasswordValidators()],
  });
  protected readonly password = toSignal(
    this.form.controls.newPassword.valueChanges,
    {
      initialValue: '',
    },
  );
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);
  /** The link is dead: offer a new one rather than the form. */
  protected readonly linkInvalid = signal(false);
  /** The link is being checked (the form waits, so a dead link is said before any typing). */
  protected readonly checking = signal(false);
  protected readonly showPassword = signal(false);
  protected readonly fieldError = controlError;
  protected readonly passwordMessages = newPasswordMessages;

  ngOnInit(): void {
    const token = this.token();
    if (!token) return;
    this.checking.set(true);
    this.api
      .checkResetToken(token)
      .pipe(
        // A slow or stalled API does not hold the form back: saving checks the link anyway.
        timeout(10_000),
        finalize(() => this.checking.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        // Any other failure (offline, a server error): the form stays, and saving says what is wrong.
        error: (err: unknown) => {
          if (errorCode(err) === 'invalid_reset_token')
            this.linkInvalid.set(true);
        },
      });
  }

  protected submit(): void {
    const token = this.token();
    if (this.submitting() || !token) return;
    this.error.set(null);
    if (!readyToSubmit(this.form, this.host.nativeElement)) return;
    this.submitting.set(true);
    this.api
      .resetPassword({
        token,
        newPassword: this.form.getRawValue().newPassword,
      })
      .pipe(
        finalize(() => this.submitting.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () =>
          void this.router.navigate(['/sign-in'], {
            queryParams: { reset: 'done' },
          }),
        error: (err: unknown) => this.fail(err),
      });
  }

  private fail(err: unknown): void {
    if (errorCode(err) === 'invalid_reset_token') {
      this.linkInvalid.set(true);
      return;
    }
    this.error.set(submitError(this.form, err, this.host.nativeElement));
  }
}
