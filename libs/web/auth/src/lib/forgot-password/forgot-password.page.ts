import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { AuthApi } from '@mezzo/web-core';
import {
  Alert,
  AuthLayout,
  controlError,
  emailMessages,
  emailValidators,
  formErrorTiming,
  formFieldDefaults,
  SubmitButton,
} from '@mezzo/web-ui';
import { finalize } from 'rxjs';
import { readyToSubmit, submitError } from '../form-submit';

/** The same answer whether or not the account exists, so the page reveals nobody's email. */
export const FORGOT_PASSWORD_SENT =
  'If an account exists for that email, we sent a link';

@Component({
  selector: 'mz-forgot-password-page',
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
  ],
  templateUrl: './forgot-password.page.html',
  styleUrl: '../auth-page.scss',
})
export class ForgotPasswordPage {
  private readonly api = inject(AuthApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', emailValidators()],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);
  /** The address the link went to, once sent. */
  protected readonly sentTo = signal<string | null>(null);
  protected readonly sentMessage = FORGOT_PASSWORD_SENT;
  protected readonly fieldError = controlError;
  protected readonly emailMessages = emailMessages;

  protected submit(): void {
    if (this.submitting()) return;
    this.error.set(null);
    if (!readyToSubmit(this.form, this.host.nativeElement)) return;
    const email = this.form.getRawValue().email.trim();
    this.submitting.set(true);
    this.api
      .forgotPassword({ email })
      .pipe(
        finalize(() => this.submitting.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => this.sentTo.set(email),
        error: (err: unknown) => this.fail(err),
      });
  }

  private fail(err: unknown): void {
    this.error.set(submitError(this.form, err, this.host.nativeElement));
  }

  protected again(): void {
    this.sentTo.set(null);
  }
}
