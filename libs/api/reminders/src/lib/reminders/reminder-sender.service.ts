import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@mezzo/api-config';
import { ReminderDeliveriesRepository } from '@mezzo/api-data-access';
import { LicensesService } from '@mezzo/api-licenses';
import { MailerService } from '@mezzo/api-notifications';
import { advocacyNoticeEmail } from '../templates/advocacy-notice.template';
import { deadlineReminderEmail } from '../templates/deadline-reminder.template';
import { overdueNoticeEmail } from '../templates/overdue-notice.template';
import { UnsubscribeService } from '../unsubscribe/unsubscribe.service';
import { reminderSwitch, stillDue, type SendJobData } from './reminder-plan';

/**
 * Runs one `reminders.send` job. The ledger row is claimed ('sending') before the email goes out
 * and marked 'sent' after; a send that throws marks it 'failed' and rethrows, so pg-boss retries and
 * the retry can claim it again. A row left 'sending' (a crash mid-send) is never claimed again: a
 * reminder may then be lost, but it is never sent twice.
 */
@Injectable()
export class ReminderSender {
  private readonly logger = new Logger(ReminderSender.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deliveries: ReminderDeliveriesRepository,
    private readonly licenses: LicensesService,
    private readonly mailer: MailerService,
    private readonly unsubscribe: UnsubscribeService,
  ) {}

  /** Returns whether an email was sent by this call. */
  async handle(job: SendJobData): Promise<boolean> {
    const recipient = await this.deliveries.recipient(job.userId);
    if (!recipient) return false;
    const item = (
      await this.licenses.evaluateActive(job.userId, job.asOf)
    ).find((i) => i.license.id === job.licenseId);
    // Retired, moved to another cycle, met, renewed or switched off since the scan: nothing to
    // remind of.
    const evaluation =
      item && stillDue(job.kind, job.cycleEnd, item, recipient);
    if (!item || !evaluation) return false;
    const key = {
      licenseId: job.licenseId,
      cycleEnd: job.cycleEnd,
      kind: job.kind,
    };
    if (!(await this.deliveries.claim(job.userId, key))) return false;
    // One click in the mail client (List-Unsubscribe) or the footer link turns off this kind only.
    const unsubscribeUrl = this.unsubscribe.url(
      job.userId,
      reminderSwitch(job.kind),
    );
    const input = {
      recipientName: recipient.name,
      license: item.license,
      evaluation,
      appUrl: this.config.appUrl,
      unsubscribeUrl,
    };
    const email =
      job.kind === 'advocacy-missing'
        ? advocacyNoticeEmail(input)
        : job.kind === 'overdue'
          ? overdueNoticeEmail(input)
          : deadlineReminderEmail(input);
    try {
      await this.mailer.send({ to: recipient.email, ...email, unsubscribeUrl });
    } catch (error) {
      await this.deliveries.markFailed(key);
      throw error;
    }
    await this.deliveries.markSent(key);
    this.logger.log(
      `Reminder ${job.kind} for license ${job.licenseId} (cycle ending ${job.cycleEnd}) sent`,
    );
    return true;
  }
}
