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
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  AuthStore,
  apiError,
  errorCode,
  errorMessage,
  saveResponse,
} from '@mezzo/web-core';
import {
  Alert,
  Icon,
  personNameMessages,
  personNameValidators,
  applyServerErrors,
  controlError,
  focusFirstInvalid,
  formErrorTiming,
  setServerError,
  SubmitButton,
} from '@mezzo/web-ui';
import { filter, finalize, switchMap } from 'rxjs';
import { AccountApi } from '../data/account.api';
import { ChangeEmailCard } from './change-email-card';
import { SignOutEverywhereDialog } from './sign-out-everywhere-dialog';

/**
 * The account: who I am, my name (printed on audit packets) and sign-in email (changed through a
 * link sent to the new address), all my data as one JSON file, my password, signing out on every device, and deleting the account (after the password, and a box
 * saying I understand). Route `account`.
 */
@Component({
  selector: 'mz-account-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [formErrorTiming],
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    Alert,
    Icon,
    SubmitButton,
    ChangeEmailCard,
  ],
  templateUrl: './account.page.html',
  styleUrls: ['../account-pages.scss', './account.page.css'],
})
export class AccountPage {
  private readonly api = inject(AccountApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly dialog = inject(MatDialog);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly user = this.auth.user;

  protected readonly nameForm = inject(NonNullableFormBuilder).group({
    name: [this.auth.user()?.name ?? '', personNameValidators()],
  });
  protected readonly savingName = signal(false);
  protected readonly nameSaved = signal(false);
  protected readonly nameError = signal<string | null>(null);
  protected readonly nameMessages = personNameMessages;

  protected readonly signingOut = signal(false);
  protected readonly signOutError = signal<string | null>(null);

  protected readonly exporting = signal(false);
  protected readonly exportError = signal<string | null>(null);

  protected readonly deleteForm = inject(NonNullableFormBuilder).group({
    password: ['', Validators.required],
    understood: [false, Validators.requiredTrue],
  });
  /** Organisations the user owns: deleting the account deletes or hands them over (said first). */
  protected readonly ownedOrganizations = computed(() =>
    (this.user()?.memberships ?? [])
      .filter((m) => m.role === 'owner')
      .map((m) => m.organizationName),
  );
  protected readonly deleting = signal(false);
  protected readonly deleteError = signal<string | null>(null);
  protected readonly fieldError = controlError;
  protected readonly passwordMessages = {
    required: 'Enter your password to confirm.',
  };

  /** Saves the name; the account menu shows it at once (AuthStore keeps the user the API answers). */
  protected saveName(): void {
    if (this.savingName()) return;
    this.nameSaved.set(false);
    this.nameError.set(null);
    if (this.nameForm.invalid) {
      this.nameForm.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement, this.nameForm);
      return;
    }
    this.savingName.set(true);
    this.api
      .updateProfile({ name: this.nameForm.getRawValue().name.trim() })
      .pipe(
        finalize(() => this.savingName.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (user) => {
          this.auth.updateUser(user);
          this.nameForm.reset({ name: user.name });
          this.nameSaved.set(true);
        },
        error: (err: unknown) => {
          const body = apiError(err);
          if (body?.code === 'validation_failed') {
            const { applied, unmatched } = applyServerErrors(
              this.nameForm,
              body.fields,
            );
            if (applied > 0)
              focusFirstInvalid(this.host.nativeElement, this.nameForm);
            this.nameError.set(
              [
                `Your name was not saved. ${errorMessage(err)}`,
                ...unmatched,
              ].join(' '),
            );
            return;
          }
          this.nameError.set(`Your name was not saved. ${errorMessage(err)}`);
        },
      });
  }

  /** After a confirmation: ends every session, this one included, and goes to sign-in. */
  protected signOutEverywhere(): void {
    if (this.signingOut()) return;
    this.signOutError.set(null);
    this.dialog
      .open<SignOutEverywhereDialog, void, boolean>(SignOutEverywhereDialog, {
        // A margin on a phone too: maxWidth replaces Material's 80vw.
        maxWidth: 'min(480px, calc(100vw - 32px))',
      })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => {
          this.signingOut.set(true);
          return this.api
            .signOutEverywhere()
            .pipe(finalize(() => this.signingOut.set(false)));
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.auth.clearSession();
          this.snackBar.open('You are signed out on every device.', undefined, {
            duration: 8000,
          });
          void this.router.navigateByUrl('/sign-in');
        },
        error: (err: unknown) =>
          this.signOutError.set(
            `You are still signed in on your devices. ${errorMessage(err)}`,
          ),
      });
  }

  protected exportData(): void {
    if (this.exporting()) return;
    this.exporting.set(true);
    this.exportError.set(null);
    this.api
      .exportData()
      .pipe(
        finalize(() => this.exporting.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (res) => saveResponse(res, 'mezzo-export.json'),
        error: (err: unknown) =>
          this.exportError.set(
            `Your data did not download. ${errorMessage(err)}`,
          ),
      });
  }

  protected deleteAccount(): void {
    if (this.deleting()) return;
    this.deleteError.set(null);
    if (this.deleteForm.invalid) {
      this.deleteForm.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement, this.deleteForm);
      return;
    }
    this.deleting.set(true);
    this.api
      .deleteAccount({ password: this.deleteForm.getRawValue().password })
      .pipe(
        finalize(() => this.deleting.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.auth.clearSession();
          this.snackBar.open(
            'Your account and everything in it are deleted.',
            undefined,
            { duration: 8000 },
          );
          void this.router.navigateByUrl('/sign-in');
        },
        error: (err: unknown) => {
          if (errorCode(err) === 'invalid_credentials') {
            setServerError(
              this.deleteForm.controls.password,
              'That password is not correct.',
            );
            focusFirstInvalid(this.host.nativeElement, this.deleteForm);
            return;
          }
          // A 409 says what holds the deletion up (e.g. an organisation only I own, with other
          // members) and what to do: the generic "someone changed this" text would mislead.
          const body = apiError(err);
          this.deleteError.set(
            `Your account was not deleted. ${
              body?.statusCode === 409 ? body.message : errorMessage(err)
            }`,
          );
        },
      });
  }
}
