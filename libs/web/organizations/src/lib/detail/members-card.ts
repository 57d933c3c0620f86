import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import {
  MatSelectModule,
  type MatSelectChange,
} from '@angular/material/select';
import type {
  MemberDto,
  MembershipRole,
  OrganizationDto,
} from '@mezzo/shared-contracts';
import { AuthStore } from '@mezzo/web-core';
import { LoadError, remote } from '@mezzo/web-licenses';
import { Alert } from '@mezzo/web-ui';
import { EMPTY, finalize, switchMap, type Observable } from 'rxjs';
import { OrganizationsApi } from '../data/organizations.api';
import {
  ROLE_HINTS,
  ROLE_LABELS,
  canChangeRole,
  canRemove,
  grantableRoles,
  refusalMessage,
} from '../data/roles';
import { confirmChange } from '../ui/confirm-dialog';

export const MEMBERS_PAGE_SIZE = 25;

/** "an admin", "a member", "an owner". */
function withArticle(role: MembershipRole): string {
  return `${role === 'member' ? 'a' : 'an'} ${ROLE_LABELS[role].toLowerCase()}`;
}

/**
 * The organisation's members, by page, for its owners and admins: change a role (only an owner
 * touches the owner role) and remove someone (an owner only by an owner), each after a confirmation.
 * Changes show at once without reloading the page; the API's refusal is shown if it says no.
 */
@Component({
  selector: 'mz-org-members',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    Alert,
    LoadError,
  ],
  templateUrl: './members-card.html',
  styleUrls: ['../organizations-pages.scss', './members-card.css'],
})
export class MembersCard {
  private readonly api = inject(OrganizationsApi);
  private readonly dialog = inject(MatDialog);
  private readonly destroyRef = inject(DestroyRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly organization = input.required<OrganizationDto>();
  /** My own role changed here: the page reloads what I may do. */
  readonly myRoleChanged = output<void>();

  private readonly auth = inject(AuthStore);
  protected readonly myId = computed(() => this.auth.user()?.id);
  protected readonly page = signal(1);
  protected readonly members = remote(
    () => ({ id: this.organization().id, page: this.page() }),
    (p) => this.api.members(p.id, p.page, MEMBERS_PAGE_SIZE),
  );
  /** Changes made here since the page was loaded: a new row, or null once removed. */
  private readonly edits = signal<ReadonlyMap<string, MemberDto | null>>(
    new Map(),
  );
  protected readonly rows = computed(() => {
    const edits = this.edits();
    const items = this.members.value()?.items ?? [];
    return items
      .map((m) => (edits.has(m.userId) ? edits.get(m.userId) : m))
      .filter((m): m is MemberDto => !!m);
  });
  protected readonly total = computed(() => {
    const removed = [...this.edits().values()].filter((m) => !m).length;
    return (this.members.value()?.total ?? 0) - removed;
  });
  protected readonly pages = computed(() =>
    Math.max(1, Math.ceil(this.total() / MEMBERS_PAGE_SIZE)),
  );
  protected readonly range = computed(() => {
    const first = (this.page() - 1) * MEMBERS_PAGE_SIZE + 1;
    return `${first}–${first + this.rows().length - 1} of ${this.total()}`;
  });

  protected readonly busyId = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  /** Read out politely by the live region after each change. */
  protected readonly result = signal('');

  protected readonly roleLabels = ROLE_LABELS;
  protected readonly roleHints = ROLE_HINTS;
  protected readonly roles = computed(() =>
    grantableRoles(this.organization().myRole),
  );
  protected readonly canChange = (m: MemberDto) =>
    canChangeRole(this.organization().myRole, m);
  protected readonly canRemove = (m: MemberDto) =>
    canRemove(this.organization().myRole, this.myId(), m);

  protected goTo(page: number): void {
    this.edits.set(new Map());
    this.error.set(null);
    this.page.set(page);
  }

  protected changeRole(member: MemberDto, change: MatSelectChange): void {
    const role = change.value as MembershipRole;
    // The select shows the choice at once: put it back when nothing changes.
    const revert = () => {
      change.source.value = member.role;
    };
    if (this.busyId() || role === member.role) {
      revert();
      return;
    }
    this.error.set(null);
    this.result.set('');
    const self = member.userId === this.myId();
    const org = this.organization().name;
    const text = self
      ? `You will be ${withArticle(role)} of ${org}: ${ROLE_HINTS[role]}. You cannot undo this yourself if it takes away your right to manage roles.`
      : `${member.name} will be ${withArticle(role)} of ${org}: ${ROLE_HINTS[role]}.`;
    this.act(
      member,
      confirmChange(this.dialog, {
        title: self
          ? `Make yourself ${withArticle(role)}?`
          : `Make ${member.name} ${withArticle(role)}?`,
        text,
        confirm: `Make ${ROLE_LABELS[role].toLowerCase()}`,
        cancel: `Keep as ${ROLE_LABELS[member.role].toLowerCase()}`,
      }),
      () => this.api.setRole(this.organization().id, member.userId, role),
      {
        done: (updated) => {
          this.edit(member.userId, updated ?? { ...member, role });
          this.result.set(
            self
              ? `You are now ${withArticle(role)} of ${org}.`
              : `${member.name} is now ${withArticle(role)} of ${org}.`,
          );
          if (self) this.myRoleChanged.emit();
        },
        failed: (err) => {
          revert();
          this.error.set(
            `The role of ${member.name} was not changed. ${refusalMessage(err)}`,
          );
        },
        cancelled: revert,
      },
    );
  }

  protected remove(member: MemberDto): void {
    if (this.busyId()) return;
    this.error.set(null);
    this.result.set('');
    const org = this.organization().name;
    this.act(
      member,
      confirmChange(this.dialog, {
        title: `Remove ${member.name} from ${org}?`,
        text: `${member.name} (${member.email}) loses access to ${org} at once. To bring them back, invite them again.`,
        confirm: 'Remove',
        cancel: 'Keep them',
      }),
      () => this.api.removeMember(this.organization().id, member.userId),
      {
        done: () => {
          this.edit(member.userId, null);
          this.result.set(`${member.name} was removed from ${org}.`);
          // The row and its button are gone: keep the keyboard in the section, at its heading.
          this.host.nativeElement.querySelector<HTMLElement>('h2')?.focus();
          if (this.rows().length === 0 && this.page() > 1)
            this.goTo(this.page() - 1);
        },
        failed: (err) =>
          this.error.set(
            `${member.name} was not removed. ${refusalMessage(err)}`,
          ),
      },
    );
  }

  private edit(userId: string, member: MemberDto | null): void {
    this.edits.update((m) => new Map(m).set(userId, member));
  }

  /** Asks, then runs the call with the row marked busy. */
  private act<T>(
    member: MemberDto,
    asked: Observable<boolean>,
    call: () => Observable<T>,
    on: {
      done: (value: T | undefined) => void;
      failed: (err: unknown) => void;
      cancelled?: () => void;
    },
  ): void {
    let ran = false;
    let answer: T | undefined;
    asked
      .pipe(
        switchMap((yes) => {
          if (!yes) {
            on.cancelled?.();
            return EMPTY;
          }
          ran = true;
          this.busyId.set(member.userId);
          return call().pipe(finalize(() => this.busyId.set(null)));
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (value) => (answer = value ?? undefined),
        complete: () => {
          if (ran) on.done(answer);
        },
        error: (err: unknown) => on.failed(err),
      });
  }
}
