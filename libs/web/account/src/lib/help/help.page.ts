import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { EMAIL_REVERT_TTL_DAYS } from '@mezzo/shared-contracts';
import { AuthStore, SupportEmail } from '@mezzo/web-core';
import { AuthLayout } from '@mezzo/web-ui';

/**
 * Help (route `help`), open to anyone: signed out is when people most need it (an account taken
 * over, a lost password). Where to write, and what to do first in the cases that bring people here.
 */
@Component({
  selector: 'mz-help-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AuthLayout, RouterLink, SupportEmail],
  templateUrl: './help.page.html',
  styleUrl: './help.page.css',
})
export class HelpPage {
  protected readonly signedIn = inject(AuthStore).isSignedIn;
  protected readonly ttlDays = EMAIL_REVERT_TTL_DAYS;
}
