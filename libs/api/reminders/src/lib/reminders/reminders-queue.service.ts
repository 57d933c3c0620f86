import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@mezzo/api-config';
import PgBoss from 'pg-boss';
import {
  REMINDERS_OPTIONS,
  SCAN_QUEUE,
  SEND_QUEUE,
  type RemindersOptions,
} from '../reminders.options';
import type { SendJobData } from './reminder-plan';

/**
 * pg-boss on the app's PostgreSQL (its own `pgboss` schema). Started with the module when
 * `runWorkers` is on, stopped before the database pool closes (onModuleDestroy runs before TypeORM's
 * onApplicationShutdown), so a send in flight can still write its ledger row.
 */
@Injectable()
export class RemindersQueue implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RemindersQueue.name);
  private boss: PgBoss | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REMINDERS_OPTIONS) private readonly options: RemindersOptions,
  ) {}

  private get retry(): Pick<
    PgBoss.RetryOptions,
    'retryLimit' | 'retryDelay' | 'retryBackoff'
  > {
    return {
      retryLimit: this.options.retryLimit ?? 6,
      retryDelay: this.options.retryDelaySeconds ?? 60,
      retryBackoff: true,
    };
  }

  async onModuleInit(): Promise<void> {
    if (!this.options.runWorkers) return;
    const boss = new PgBoss({
      connectionString: this.config.databaseUrl,
      schema: 'pgboss',
      max: 4,
      application_name: 'mezzo-reminders',
    });
    boss.on('error', (error) =>
      this.logger.error(`Job queue error: ${error.message}`),
    );
    await boss.start();
    // Only one scan at a time across replicas; one queued or running send per reminder key.
    await boss.createQueue(SCAN_QUEUE, {
      name: SCAN_QUEUE,
      policy: 'singleton',
      retryLimit: 2,
      retryDelay: 300,
    });
    await boss.createQueue(SEND_QUEUE, {
      name: SEND_QUEUE,
      policy: 'stately',
      ...this.retry,
    });
    this.boss = boss;
  }

  async onModuleDestroy(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    if (boss) await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }

  /** Queues one send; null when a job for the same reminder is already queued or running. */
  async enqueueSend(data: SendJobData): Promise<string | null> {
    return this.require().send(SEND_QUEUE, data, {
      singletonKey: `${data.licenseId}:${data.cycleEnd}:${data.kind}`,
      ...this.retry,
    });
  }

  /** Queues a scan now; null when one is already queued (the scan queue holds one at a time). */
  async enqueueScan(): Promise<string | null> {
    return this.require().send(SCAN_QUEUE, {});
  }

  /**
   * Runs `handler` on the queue's jobs, up to `batchSize` per fetch, one after the other. A job whose
   * handler throws is failed on its own (pg-boss retries it); the rest of its batch still runs and
   * completes. A full batch (of more than one job) fetches the next one at once instead of waiting
   * out the polling interval (pg-boss waits it after every fetch), so a backlog drains at the
   * handler's pace: with one job per fetch, a worker sent at most one email per interval.
   */
  async work<T extends object>(
    name: string,
    handler: (data: T) => Promise<void>,
    batchSize = 1,
  ): Promise<void> {
    const boss = this.require();
    // Known once `work` resolves, before the first batch (which waits for a fetch) can arrive.
    const worker: { id?: string } = {};
    worker.id = await boss.work<T>(
      name,
      {
        batchSize,
        pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 2,
      },
      async (jobs) => {
        for (const job of jobs) {
          try {
            await handler(job.data);
          } catch (error) {
            const message =
              error instanceof Error ? error.message : String(error);
            this.logger.warn(`Job ${job.id} on ${name} failed: ${message}`);
            // Only this job: the batch's others stay active and are completed when this returns.
            await boss.fail(name, job.id, { message });
          }
        }
        // A queue taken one job at a time (the scan) has no backlog to drain: it keeps pg-boss's pace.
        if (
          batchSize > 1 &&
          jobs.length === batchSize &&
          worker.id !== undefined
        )
          boss.notifyWorker(worker.id);
      },
    );
  }

  async schedule(name: string, cron: string): Promise<void> {
    await this.require().schedule(name, cron, {}, { tz: 'UTC' });
  }

  /** Resolves once no send job is queued, waiting for a retry or running (for tests and shutdown checks). */
  async whenIdle(timeoutMs = 15_000): Promise<void> {
    const boss = this.require();
    const until = Date.now() + timeoutMs;
    while ((await boss.getQueueSize(SEND_QUEUE, { before: 'completed' })) > 0) {
      if (Date.now() > until)
        throw new Error(`Reminder sends still pending after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private require(): PgBoss {
    if (!this.boss)
      throw new Error(
        'The reminders job queue is not running: import RemindersModule.forRoot({ runWorkers: true })',
      );
    return this.boss;
  }
}
