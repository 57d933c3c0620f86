import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import {
  REMINDERS_OPTIONS,
  SCAN_QUEUE,
  SEND_QUEUE,
  type RemindersOptions,
} from '../reminders.options';
import type { SendJobData } from './reminder-plan';
import { ReminderSender } from './reminder-sender.service';
import { RemindersQueue } from './reminders-queue.service';
import { RemindersService } from './reminders.service';

export const DEFAULT_SCAN_CRON = '0 14 * * *';
export const DEFAULT_SCAN_TIME_ZONE = 'America/Los_Angeles';
export const DEFAULT_SEND_BATCH_SIZE = 20;

/** The calendar date (YYYY-MM-DD) of `instant` in `timeZone` (an IANA name). */
export function dateIn(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Subscribes the workers and the daily schedule once the queue has started (after every onModuleInit). */
@Injectable()
export class RemindersWorkers implements OnApplicationBootstrap {
  constructor(
    @Inject(REMINDERS_OPTIONS) private readonly options: RemindersOptions,
    private readonly queue: RemindersQueue,
    private readonly reminders: RemindersService,
    private readonly sender: ReminderSender,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.runWorkers) return;
    await this.queue.work<SendJobData>(
      SEND_QUEUE,
      async (job) => {
        await this.sender.handle(job);
      },
      this.options.sendBatchSize ?? DEFAULT_SEND_BATCH_SIZE,
    );
    await this.queue.work<object>(SCAN_QUEUE, async () => {
      await this.reminders.scanNow(
        dateIn(new Date(), this.options.scanTimeZone ?? DEFAULT_SCAN_TIME_ZONE),
      );
    });
    await this.queue.schedule(
      SCAN_QUEUE,
      this.options.scanCron ?? DEFAULT_SCAN_CRON,
    );
    // Catch up now rather than at the next scheduled minute (see `scanOnStart`).
    if (this.options.scanOnStart ?? true) await this.queue.enqueueScan();
  }
}
