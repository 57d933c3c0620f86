import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@mezzo/api-config';
import { ReminderDeliveriesRepository } from '@mezzo/api-data-access';
import { LicensesService } from '@mezzo/api-licenses';
import { MailerService } from '@mezzo/api-notifications';
import type { Evaluation } from '@mezzo/compliance-engine';
import type { ReminderKind } from '@mezzo/shared-contracts';
import { advocacyNoticeEmail } from '../templates/advocacy-notice.template';
import { deadlineReminderEmail } from '../templates/deadline-reminder.template';
import { overdueNoticeEmail } from '../templates/overdue-notice.template';
import { UnsubscribeService } from '../unsubscribe/unsubscribe.service';
import { reminderSwitch, stillDue, type SendJobData } from './reminder-plan';

/**
 * Runs one `reminders.send` job. The ledger row is claimed ('sending') before the email goes out
 * and marked 'sent' after; a send that throws marks it 'failed' and rethrows, so pg-boss retries and
 * the retry can claim it again. A row left 'sending' (a crash mid-send) is never claimed again: a
 * reminder may then be lost, but it is never sent twice. An advocacy notice covering several licenses
 * claims, and marks, one row per license.
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
    const items = await this.licenses.evaluateActive(job.userId, job.asOf);
    // The job's license, then (advocacy notices) the others the same email covers; each one
    // retired, moved to another cycle, met, renewed or switched off since the scan drops out, and
    // each one whose ledger row cannot be claimed (already sent) too.
    const targets = [
      { licenseId: job.licenseId, cycleEnd: job.cycleEnd },
      ...(job.kind === 'advocacy-missing' ? (job.also ?? []) : []),
    ];
    const claimed: {
      item: (typeof items)[number];
      evaluation: Evaluation;
      key: { licenseId: string; cycleEnd: string; kind: ReminderKind };
    }[] = [];
    for (const target of targets) {
      const item = items.find((i) => i.license.id === target.licenseId);
      const evaluation =
        item && stillDue(job.kind, target.cycleEnd, item, recipient);
      if (!item || !evaluation) continue;
      const key = { ...target, kind: job.kind };
      if (await this.deliveries.claim(job.userId, key))
        claimed.push({ item, evaluation, key });
    }
    if (claimed.length === 0) return false;
    // One click in the mail client (List-Unsubscribe) or the footer link turns off this kind only.
    const unsubscribeUrl = this.unsubscribe.url(
      job.userId,
      reminderSwitch(job.kind),
    );
    const [main, ...others] = claimed;
    const input = {
      recipientName: recipient.name,
      license: main.item.license,
      evaluation: main.evaluation,
      appUrl: this.config.appUrl,
      unsubscribeUrl,
    };
    const email =
      job.kind === 'advocacy-missing'
        ? advocacyNoticeEmail({
            ...input,
            others: others.map((o) => ({
              license: o.item.license,
              evaluation: o.evaluation,
            })),
          })
        : job.kind === 'overdue'
          ? overdueNoticeEmail(input)
          : deadlineReminderEmail(input);
    try {
      await this.mailer.send({ to: recipient.email, ...email, unsubscribeUrl });
    } catch (error) {
      for (const c of claimed) await this.deliveries.markFailed(c.key);
      throw error;
    }
    for (const c of claimed) await this.deliveries.markSent(c.key);
    this.logger.log(
      `Reminder ${job.kind} for license${claimed.length > 1 ? 's' : ''} ${claimed
        .map((c) => `${c.key.licenseId} (cycle ending ${c.key.cycleEnd})`)
        .join(', ')} sent`,
    );
    return true;
  }
}
