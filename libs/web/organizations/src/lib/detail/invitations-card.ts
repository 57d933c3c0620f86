import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  FormGroupDirective,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import type {
  MembershipRole,
  OrganizationDto,
  PendingInvitationDto,
} from '@mezzo/shared-contracts';
import { LoadError, dateText, remote } from '@mezzo/web-licenses';
import {
  Alert,
  SubmitButton,
  controlError,
  emailMessages,
  emailValidators,
  focusFirstInvalid,
  formErrorTiming,
} from '@mezzo/web-ui';
import { filter, finalize, switchMap } from 'rxjs';
import { formFailure } from '../data/form-failure';
import { OrganizationsApi } from '../data/organizations.api';
import {
  ROLE_HINTS,
  ROLE_LABELS,
  canWithdraw,
  grantableRoles,
  refusalMessage,
} from '../data/roles';
import { confirmChange } from '../ui/confirm-dialog';

/**
 * For owners and admins: the organisation's open invitations (withdraw one, after a confirmation;
 * an invitation to be an owner only by an owner) and the form to invite someone by email. Nobody
 * joins until they accept; the answer is the same whether or not the address has an account.
 */
@Component({
  selector: 'mz-org-invitations',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [formErrorTiming],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    Alert,
    LoadError,
    SubmitButton,
  ],
  templateUrl: './invitations-card.html',
  styleUrls: ['../organizations-pages.scss', './invitations-card.css'],
})
export class InvitationsCard {
  private readonly api = inject(OrganizationsApi);
  private readonly dialog = inject(MatDialog);
  private readonly destroyRef = inject(DestroyRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly organization = input.required<OrganizationDto>();

  protected readonly invitations = remote(
    () => this.organization().id,
    (id) => this.api.invitations(id),
  );
  /** Withdrawn here (or found no longer open): gone from the list without a reload. */
  private readonly gone = signal<ReadonlySet<string>>(new Set());
  protected readonly open = computed(() => {
    const gone = this.gone();
    return (this.invitations.value() ?? []).filter((i) => !gone.has(i.id));
  });
  protected readonly roles = computed(() =>
    grantableRoles(this.organization().myRole),
  );
  protected readonly canWithdraw = (i: PendingInvitationDto) =>
    canWithdraw(this.organization().myRole, i);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', emailValidators()],
    role: ['member' as MembershipRole, Validators.required],
  });
  protected readonly sending = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly busyId = signal<string | null>(null);
  protected readonly listError = signal<string | null>(null);
  /** Read out politely by the live region after each invitation or withdrawal. */
  protected readonly result = signal('');

  protected readonly roleLabels = ROLE_LABELS;
  protected readonly roleHints = ROLE_HINTS;
  protected readonly dateText = dateText;
  protected readonly fieldError = controlError;
  protected readonly emailMessages = {
    ...emailMessages,
    required: 'Enter the email address to invite.',
  };
  protected readonly roleMessages = { required: 'Choose a role.' };

  hasUnsavedChanges(): boolean {
    return this.form.controls.email.dirty && !!this.form.controls.email.value;
  }

  protected invite(formDirective: FormGroupDirective): void {
    if (this.sending()) return;
    this.formError.set(null);
    this.result.set('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement, this.form);
      return;
    }
    const { email, role } = this.form.getRawValue();
    this.sending.set(true);
    this.api
      .invite(this.organization().id, { email: email.trim(), role })
      .pipe(
        finalize(() => this.sending.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (sent) => {
          // Through the directive, so that `submitted` clears and the empty field shows no error.
          formDirective.resetForm({ email: '', role: 'member' });
          this.result.set(
            `Invitation sent to ${sent.email} to join as ${ROLE_LABELS[sent.role].toLowerCase()}. It expires on ${dateText(sent.expiresAt)}.`,
          );
          // Inviting a pending address again replaces its invitation: the list says what is open.
          this.gone.set(new Set());
          this.invitations.reload();
        },
        error: (err: unknown) =>
          this.formError.set(
            formFailure(
              err,
              this.form,
              this.host.nativeElement,
              'The invitation was not sent.',
            ),
          ),
      });
  }

  protected withdraw(invitation: PendingInvitationDto): void {
    if (this.busyId()) return;
    this.listError.set(null);
    this.result.set('');
    confirmChange(this.dialog, {
      title: `Withdraw the invitation to ${invitation.email}?`,
      text: `The link in the invitation email stops working, and ${invitation.email} cannot join ${this.organization().name} with it. You can invite the address again later.`,
      confirm: 'Withdraw invitation',
      cancel: 'Keep it',
    })
      .pipe(
        filter((yes) => yes),
        switchMap(() => {
          this.busyId.set(invitation.id);
          return this.api
            .withdraw(this.organization().id, invitation.id)
            .pipe(finalize(() => this.busyId.set(null)));
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.drop(invitation);
          this.result.set(
            `The invitation to ${invitation.email} was withdrawn.`,
          );
        },
        error: (err: unknown) => {
          if (err instanceof HttpErrorResponse && err.status === 404) {
            this.drop(invitation);
            this.listError.set(
              `The invitation to ${invitation.email} is no longer open: it was accepted, declined, expired or withdrawn meanwhile.`,
            );
            return;
          }
          this.listError.set(
            `The invitation to ${invitation.email} was not withdrawn. ${refusalMessage(err)}`,
          );
        },
      });
  }

  private drop(invitation: PendingInvitationDto): void {
    this.gone.update((s) => new Set(s).add(invitation.id));
    // Its row and button are gone: keep the keyboard in the section, at its heading.
    this.host.nativeElement.querySelector<HTMLElement>('h2')?.focus();
  }
}
