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
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { EMAIL_CHANGE_TTL_HOURS } from '@mezzo/shared-contracts';
import { AuthApi, AuthStore } from '@mezzo/web-core';
import { Alert, AuthLayout } from '@mezzo/web-ui';
import { AccountApi } from '../data/account.api';
import { focusOutcome, linkFailure, takeLinkToken } from '../data/email-link';

/** What the page shows: the link being checked, or how it ended. */
export type ConfirmEmailState =
  'confirming' | 'changed' | 'invalid' | 'taken' | 'failed' | 'incomplete';

/**
 * Where the email-change link lands (route `account/email?token=…`). Open to anyone: the link may
 * be opened on a device where nobody is signed in, and the token alone confirms. It confirms at
 * once (the person asked for the change with their password), then says how it went; the token
 * leaves the address bar as soon as it is read. When the outcome arrives, focus moves to it, so
 * that keyboard and screen-reader users land on the message and its next step.
 */
@Component({
  selector: 'mz-confirm-email-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    RouterLink,
    Alert,
    AuthLayout,
  ],
  templateUrl: './confirm-email.page.html',
  styleUrl: './confirm-email.page.css',
})
export class ConfirmEmailPage implements OnInit {
  private readonly api = inject(AccountApi);
  private readonly authApi = inject(AuthApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);

  /** From the email's link (bound from the query string). */
  readonly token = input<string>();
  /** Kept once read, for "Try again" after the address bar has lost it. */
  private linkToken = '';

  protected readonly state = signal<ConfirmEmailState>('confirming');
  /** The sign-in email now in force, once changed. */
  protected readonly email = signal('');
  protected readonly failure = signal('');
  protected readonly signedIn = this.auth.isSignedIn;
  protected readonly ttlHours = EMAIL_CHANGE_TTL_HOURS;

  ngOnInit(): void {
    this.linkToken = takeLinkToken(this.token(), this.router, this.route);
    if (!this.linkToken) {
      this.state.set('incomplete');
      return;
    }
    this.confirm();
  }

  protected confirm(): void {
    this.state.set('confirming');
    this.api
      .confirmEmailChange({ token: this.linkToken })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ({ email }) => {
          this.email.set(email);
          this.settle('changed');
          this.refreshUser();
        },
        error: (err: unknown) => {
          const { state, message } = linkFailure(
            err,
            'invalid_email_change_token',
          );
          this.failure.set(message);
          this.settle(state);
        },
      });
  }

  /** Shows the outcome and puts focus on it (the "Try again" button may have just gone). */
  private settle(state: ConfirmEmailState): void {
    this.state.set(state);
    focusOutcome(this.host, this.injector);
  }

  /** Signed in here: the account menu and pages show the new address without a reload. */
  private refreshUser(): void {
    if (!this.auth.isSignedIn()) return;
    this.authApi
      .me()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (user) => this.auth.updateUser(user),
        // The change is made; a stale address in the menu until the next load is harmless.
        error: () => undefined,
      });
  }
}
