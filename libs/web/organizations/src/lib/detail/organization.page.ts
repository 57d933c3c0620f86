import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { AuthStore, type HoldsUnsavedChanges } from '@mezzo/web-core';
import { LoadError, remote } from '@mezzo/web-licenses';
import { Alert } from '@mezzo/web-ui';
import { filter, finalize, switchMap } from 'rxjs';
import { OrganizationsApi } from '../data/organizations.api';
import {
  KIND_LABELS,
  ROLE_LABELS,
  isManager,
  refusalMessage,
} from '../data/roles';
import { confirmChange } from '../ui/confirm-dialog';
import { InvitationsCard } from './invitations-card';
import { MembersCard } from './members-card';

/**
 * Route `organizations/:id` (`id` arrives as an input): the organisation, my role in it, and for
 * owners and admins its members and open invitations with the invite form. Anyone may leave (the
 * API keeps the last owner from leaving).
 */
@Component({
  selector: 'mz-organization-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    Alert,
    LoadError,
    MembersCard,
    InvitationsCard,
  ],
  templateUrl: './organization.page.html',
  styleUrls: ['../organizations-pages.scss'],
})
export class OrganizationPage implements HoldsUnsavedChanges {
  private readonly api = inject(OrganizationsApi);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  readonly id = input.required<string>();

  protected readonly organization = remote(
    () => this.id(),
    (id) => this.api.get(id),
  );
  protected readonly manages = computed(() => {
    const o = this.organization.value();
    return !!o && isManager(o.myRole);
  });
  protected readonly leaving = signal(false);
  protected readonly leaveError = signal<string | null>(null);
  protected readonly kindLabels = KIND_LABELS;
  protected readonly roleLabels = ROLE_LABELS;

  private readonly invitationsCard = viewChild(InvitationsCard);

  hasUnsavedChanges(): boolean {
    return this.invitationsCard()?.hasUnsavedChanges() ?? false;
  }

  /** My own role changed in the members card: what I may do here, and the session's memberships. */
  protected myRoleChanged(): void {
    this.organization.reload();
    this.auth.reloadUser();
  }

  protected leave(): void {
    const org = this.organization.value();
    const me = this.auth.user()?.id;
    if (!org || !me || this.leaving()) return;
    this.leaveError.set(null);
    confirmChange(this.dialog, {
      title: `Leave ${org.name}?`,
      text: `You stop being ${org.myRole === 'member' ? 'a member' : `an ${org.myRole}`} of ${org.name} at once. To come back, someone who manages it must invite you again.`,
      confirm: 'Leave',
      cancel: 'Stay',
    })
      .pipe(
        filter((yes) => yes),
        switchMap(() => {
          this.leaving.set(true);
          return this.api
            .removeMember(org.id, me)
            .pipe(finalize(() => this.leaving.set(false)));
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.auth.reloadUser();
          void this.router.navigateByUrl('/organizations');
        },
        error: (err: unknown) =>
          this.leaveError.set(
            `You did not leave ${org.name}. ${refusalMessage(err)}`,
          ),
      });
  }
}
