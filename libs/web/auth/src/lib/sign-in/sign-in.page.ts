import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { AuthStore, safeReturnUrl } from '@mezzo/web-core';
import {
  Alert,
  AuthLayout,
  Icon,
  controlError,
  emailMessages,
  emailValidators,
  formErrorTiming,
  formFieldDefaults,
  SubmitButton,
} from '@mezzo/web-ui';
import { finalize } from 'rxjs';
import { readyToSubmit, submitError } from '../form-submit';

@Component({
  selector: 'mz-sign-in-page',
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
  ],
  templateUrl: './sign-in.page.html',
  styleUrl: '../auth-page.scss',
})
export class SignInPage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly destroyRef = inject(DestroyRef);

  /** Query parameters, bound by the router. */
  readonly returnUrl = input<string>();
  readonly reset = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', emailValidators()],
    password: ['', Validators.required],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly showPassword = signal(false);
  protected readonly fieldError = controlError;
  protected readonly emailMessages = emailMessages;
  protected readonly passwordMessages = { required: 'Enter your password.' };

  protected submit(): void {
    if (this.submitting()) return;
    this.error.set(null);
    if (!readyToSubmit(this.form, this.host.nativeElement)) return;
    const { email, password } = this.form.getRawValue();
    this.submitting.set(true);
    this.auth
      .signIn({ email: email.trim(), password })
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
    this.error.set(submitError(this.form, err, this.host.nativeElement));
  }
}
