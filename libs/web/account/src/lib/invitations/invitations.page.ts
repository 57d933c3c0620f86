import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  inject,
  input,
  signal,
  ElementRef,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router } from '@angular/router';
import type { InvitationDto } from '@mezzo/shared-contracts';
import { AuthStore, errorMessage } from '@mezzo/web-core';
import { LoadError, dateText, remote } from '@mezzo/web-licenses';
import { Alert } from '@mezzo/web-ui';
import { finalize, type Observable } from 'rxjs';
import { InvitationsApi } from '../data/invitations.api';

const ROLE_WORDS: Record<InvitationDto['role'], string> = {
  owner: 'an owner',
  admin: 'an admin',
  member: 'a member',
};

/**
 * Invitations to join organisations, addressed to my email: accept or decline each. Route
 * `invitations`; the invitation email links here with `?token=…`, which marks the invitation it
 * was about (or says why it is not here).
 */
@Component({
  selector: 'mz-invitations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, Alert, LoadError],
  templateUrl: './invitations.page.html',
  styleUrls: ['../account-pages.scss', './invitations.page.scss'],
})
export class InvitationsPage implements OnInit {
  private readonly api = inject(InvitationsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** From the email's link (bound from the query string). */
  readonly token = input<string>();

  private readonly auth = inject(AuthStore);
  protected readonly email = computed(() => this.auth.user()?.email ?? '');
  protected readonly invitations = remote(
    () => true,
    () => this.api.list(),
  );
  /** Answered here: gone from the list without a reload. */
  private readonly answered = signal<ReadonlySet<string>>(new Set());
  /** The invitation the email link points to, shown first. */
  protected readonly linkedId = signal<string | null>(null);
  protected readonly linkNote = signal<string | null>(null);
  protected readonly busyId = signal<string | null>(null);
  /** Read out politely by the live region after each answer. */
  protected readonly result = signal('');
  protected readonly answerError = signal<string | null>(null);

  protected readonly visible = computed(() => {
    const done = this.answered();
    const linked = this.linkedId();
    return (this.invitations.value() ?? [])
      .filter((i) => !done.has(i.id))
      .sort((a, b) => Number(b.id === linked) - Number(a.id === linked));
  });

  protected readonly roleText = (i: InvitationDto) => ROLE_WORDS[i.role];
  protected readonly dateText = dateText;

  ngOnInit(): void {
    const token = this.token();
    if (!token) return;
    // The token has done its job once read: keep it out of the address bar and history.
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: {},
      replaceUrl: true,
    });
    this.api
      .lookup(token)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (i) => this.linkedId.set(i.id),
        error: (err: unknown) =>
          this.linkNote.set(
            isNotFound(err)
              ? `The invitation in your link is no longer open for ${this.email()}: it may have been answered or have expired, a newer invitation email may have replaced it (only the newest link works), or it was sent to another address. Any invitation waiting for ${this.email()} is listed on this page; otherwise sign in with the address it was sent to, or ask the organisation to invite you again.`
              : `The invitation in your link could not be checked. ${errorMessage(err)}`,
          ),
      });
  }

  protected accept(i: InvitationDto): void {
    this.answer(i, 'accept');
  }

  protected decline(i: InvitationDto): void {
    this.answer(i, 'decline');
  }

  private answer(i: InvitationDto, action: 'accept' | 'decline'): void {
    if (this.busyId()) return;
    this.busyId.set(i.id);
    this.answerError.set(null);
    this.result.set('');
    const call: Observable<unknown> =
      action === 'accept' ? this.api.accept(i.id) : this.api.decline(i.id);
    call
      .pipe(
        finalize(() => this.busyId.set(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          // The session lists my organisations (the account page reads them): I joined one.
          if (action === 'accept') this.auth.reloadUser();
          this.answered.update((s) => new Set(s).add(i.id));
          // The answered card and its buttons go: keep the keyboard on the page, at its heading.
          this.host.nativeElement.querySelector<HTMLElement>('h1')?.focus();
          this.result.set(
            action === 'accept'
              ? `You joined ${i.organizationName} as ${this.roleText(i)}.`
              : `You declined the invitation to ${i.organizationName}.`,
          );
        },
        error: (err: unknown) => {
          if (isNotFound(err)) {
            this.answered.update((s) => new Set(s).add(i.id));
            this.answerError.set(
              `The invitation to ${i.organizationName} is no longer open: it expired or was answered elsewhere.`,
            );
            return;
          }
          this.answerError.set(
            `Your answer to ${i.organizationName} was not saved. ${errorMessage(err)}`,
          );
        },
      });
  }
}

function isNotFound(err: unknown): boolean {
  return err instanceof HttpErrorResponse && err.status === 404;
}
