import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@mezzo/api-config';
import { AppError } from '@mezzo/api-core';
import { UserSettingsRepository } from '@mezzo/api-data-access';
import type { ReminderSwitch } from '@mezzo/shared-contracts';
import {
  confirmUnsubscribePage,
  invalidUnsubscribeLinkPage,
  unsubscribedPage,
} from './unsubscribe-page.template';
import {
  signUnsubscribeToken,
  verifyUnsubscribeToken,
} from './unsubscribe-token';

export interface HtmlPage {
  status: 200 | 400;
  html: string;
}

/**
 * One-click unsubscribe (RFC 8058) from reminder emails. The link's token is the credential: the
 * POST comes from a mail provider or a browser, never signed in.
 */
@Injectable()
export class UnsubscribeService {
  private readonly logger = new Logger(UnsubscribeService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: UserSettingsRepository,
  ) {}

  /** The link of a reminder email's `List-Unsubscribe` header and footer. */
  url(userId: string, reminder: ReminderSwitch): string {
    const token = signUnsubscribeToken(this.config.auth.unsubscribeKey, {
      userId,
      reminder,
    });
    return `${this.config.appUrl}/api/reminders/unsubscribe?token=${token}`;
  }

  /** GET: a page asking to confirm. Changes nothing: link scanners and previews fetch it. */
  page(token: unknown): HtmlPage {
    const claim = verifyUnsubscribeToken(
      this.config.auth.unsubscribeKey,
      token,
    );
    return claim && typeof token === 'string'
      ? {
          status: 200,
          html: confirmUnsubscribePage(
            claim.reminder,
            token,
            this.config.appUrl,
          ),
        }
      : { status: 400, html: invalidUnsubscribeLinkPage(this.config.appUrl) };
  }

  /**
   * POST: turns the token's switch off. Again is the same 200 (a provider may retry); so is a
   * user deleted since the email went out, who gets no email any more either.
   */
  async unsubscribe(token: unknown): Promise<string> {
    const claim = verifyUnsubscribeToken(
      this.config.auth.unsubscribeKey,
      token,
    );
    if (!claim)
      throw new AppError(
        400,
        'invalid_unsubscribe_token',
        'The unsubscribe link is not valid',
        { token: ['is not a valid unsubscribe token'] },
      );
    const found = await this.settings.turnOff(
      claim.userId,
      claim.reminder === 'deadlines' ? 'remindDeadlines' : 'remindAdvocacy',
    );
    if (found)
      this.logger.log(
        `User ${claim.userId} unsubscribed from ${claim.reminder} reminders`,
      );
    return unsubscribedPage(claim.reminder, this.config.appUrl);
  }
}
