import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  FormGroupDirective,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { AuthStore, errorCode } from '@mezzo/web-core';
import {
  Alert,
  Icon,
  controlError,
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
  selector: 'mz-change-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [formErrorTiming, formFieldDefaults],
  imports: [
    SubmitButton,
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    Alert,
    Icon,
    PasswordRules,
  ],
  templateUrl: './change-password.page.html',
  styleUrls: ['../auth-page.scss', './change-password.page.css'],
})
export class ChangePasswordPage {
  private readonly auth = inject(AuthStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly user = this.auth.user;
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', Validators.required],
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
  protected readonly changed = signal(false);
  protected readonly showCurrent = signal(false);
  protected readonly showNew = signal(false);
  protected readonly fieldError = controlError;
  protected readonly currentMessages = {
    required: 'Enter your current password.',
  };
  protected readonly newMessages = newPasswordMessages;

  protected submit(formDirective: FormGroupDirective): void {
    if (this.submitting()) return;
    this.error.set(null);
    this.changed.set(false);
    if (!readyToSubmit(this.form, this.host.nativeElement)) return;
    this.submitting.set(true);
    this.auth
      .changePassword(this.form.getRawValue())
      .pipe(
        finalize(() => this.submitting.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          // Resetting through the directive also clears `submitted`, so no field shows an error.
          formDirective.resetForm();
          this.showCurrent.set(false);
          this.showNew.set(false);
          this.changed.set(true);
        },
        error: (err: unknown) => this.fail(err),
      });
  }

  private fail(err: unknown): void {
    if (errorCode(err) === 'invalid_credentials') {
      setServerError(
        this.form.controls.currentPassword,
        'Your current password is not correct.',
      );
      focusFirstInvalid(this.host.nativeElement, this.form);
      return;
    }
    this.error.set(submitError(this.form, err, this.host.nativeElement));
  }
}
