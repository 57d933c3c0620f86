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
    await this.queue.work<SendJobData>(SEND_QUEUE, async (job) => {
      await this.sender.handle(job);
    });
    await this.queue.work<object>(SCAN_QUEUE, async () => {
      await this.reminders.scanNow(new Date().toISOString().slice(0, 10));
    });
    await this.queue.schedule(SCAN_QUEUE, this.options.scanCron ?? '0 7 * * *');
    // Catch up now rather than at the next scheduled minute (see `scanOnStart`).
    if (this.options.scanOnStart ?? true) await this.queue.enqueueScan();
  }
}
