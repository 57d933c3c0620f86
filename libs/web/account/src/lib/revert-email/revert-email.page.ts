import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  OnInit,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { EMAIL_REVERT_TTL_DAYS } from '@mezzo/shared-contracts';
import { AuthStore, SupportEmail } from '@mezzo/web-core';
import { Alert, AuthLayout, SubmitButton } from '@mezzo/web-ui';
import { AccountApi } from '../data/account.api';
import { focusOutcome, linkFailure, takeLinkToken } from '../data/email-link';

/** What the page shows: waiting for the click, the request running, or how it ended. */
export type RevertEmailState =
  | 'ready'
  | 'reverting'
  | 'reverted'
  | 'invalid'
  | 'taken'
  | 'failed'
  | 'incomplete';

/**
 * Where the "this wasn't me" link in the notice sent to the OLD address lands (route
 * `account/email/revert?token=…`). Open to anyone: whoever changed the email may hold every
 * session, and the owner may read the notice anywhere. Opening the page changes nothing (mail
 * scanners and link previews open links too): it explains what undoing does and waits for
 * "Undo this change". The token leaves the address bar as soon as it is read. When the outcome
 * arrives, focus moves to it, so keyboard and screen-reader users land on the message.
 */
@Component({
  selector: 'mz-revert-email-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    RouterLink,
    Alert,
    AuthLayout,
    SubmitButton,
    SupportEmail,
  ],
  templateUrl: './revert-email.page.html',
  styleUrl: './revert-email.page.css',
})
export class RevertEmailPage implements OnInit {
  private readonly api = inject(AccountApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);

  /** From the email's link (bound from the query string). */
  readonly token = input<string>();
  /** Kept once read: the address bar loses it at once. */
  private linkToken = '';

  protected readonly state = signal<RevertEmailState>('ready');
  /** The sign-in email in force again, once the change is undone. */
  protected readonly email = signal('');
  protected readonly failure = signal('');
  protected readonly ttlDays = EMAIL_REVERT_TTL_DAYS;

  ngOnInit(): void {
    this.linkToken = takeLinkToken(this.token(), this.router, this.route);
    if (!this.linkToken) this.state.set('incomplete');
  }

  protected submit(event: Event): void {
    event.preventDefault();
    // The button stays focusable while busy (aria-disabled): a second press sends nothing.
    if (this.state() === 'reverting' || !this.linkToken) return;
    this.state.set('reverting');
    this.api
      .revertEmailChange({ token: this.linkToken })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ({ email }) => {
          this.email.set(email);
          // Every session ended on the server, this browser's too: do not act signed in here.
          if (this.auth.isSignedIn()) this.auth.clearSession();
          this.settle('reverted');
        },
        error: (err: unknown) => {
          const { state, message } = linkFailure(
            err,
            'invalid_email_revert_token',
          );
          this.failure.set(message);
          this.settle(state);
        },
      });
  }

  /** Shows the outcome and puts focus on it. */
  private settle(state: RevertEmailState): void {
    this.state.set(state);
    focusOutcome(this.host, this.injector);
  }
}
