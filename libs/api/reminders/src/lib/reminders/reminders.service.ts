import { Injectable, Logger } from '@nestjs/common';
import {
  ReminderDeliveriesRepository,
  type ReminderRecipient,
} from '@mezzo/api-data-access';
import { LicensesService } from '@mezzo/api-licenses';
import { dueReminders } from './reminder-plan';
import { RemindersQueue } from './reminders-queue.service';

const BATCH = 200;

/**
 * The daily scan: for every licensee with reminders on, evaluates each active license as of
 * `today` and queues one `reminders.send` job per reminder due and not yet sent.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger(RemindersService.name);

  constructor(
    private readonly deliveries: ReminderDeliveriesRepository,
    private readonly licenses: LicensesService,
    private readonly queue: RemindersQueue,
  ) {}

  /** Runs the scan now (the schedule calls this daily); returns how many sends were queued. */
  async scanNow(today: string): Promise<{ queued: number }> {
    let queued = 0;
    let after: string | null = null;
    for (;;) {
      const batch = await this.deliveries.recipients(after, BATCH);
      for (const recipient of batch)
        queued += await this.scanUser(recipient, today);
      if (batch.length < BATCH) break;
      after = batch[batch.length - 1].userId;
    }
    this.logger.log(`Reminder scan for ${today}: ${queued} sends queued`);
    return { queued };
  }

  /** Resolves when every queued send has finished (sent, skipped or out of retries). */
  whenIdle(timeoutMs?: number): Promise<void> {
    return this.queue.whenIdle(timeoutMs);
  }

  private async scanUser(
    recipient: ReminderRecipient,
    today: string,
  ): Promise<number> {
    const items = await this.licenses.evaluateActive(recipient.userId, today);
    const settled = new Set(
      (await this.deliveries.settled(items.map((i) => i.license.id))).map(
        (d) => `${d.licenseId}:${d.cycleEnd}:${d.kind}`,
      ),
    );
    let queued = 0;
    // Advocacy notices due for several licenses go out as one email (the first license's job).
    const advocacy: { licenseId: string; cycleEnd: string }[] = [];
    for (const item of items) {
      const { license } = item;
      for (const { kind, cycleEnd } of dueReminders(item, recipient)) {
        if (settled.has(`${license.id}:${cycleEnd}:${kind}`)) continue;
        if (kind === 'advocacy-missing') {
          advocacy.push({ licenseId: license.id, cycleEnd });
          continue;
        }
        const id = await this.queue.enqueueSend({
          userId: recipient.userId,
          licenseId: license.id,
          cycleEnd,
          kind,
          asOf: today,
        });
        if (id) queued++;
      }
    }
    if (advocacy.length > 0) {
      const [first, ...also] = advocacy;
      const id = await this.queue.enqueueSend({
        userId: recipient.userId,
        ...first,
        kind: 'advocacy-missing',
        asOf: today,
        ...(also.length > 0 ? { also } : {}),
      });
      if (id) queued++;
    }
    return queued;
  }
}
