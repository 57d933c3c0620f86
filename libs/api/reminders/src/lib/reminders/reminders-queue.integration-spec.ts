import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createTestApp, type TestApp } from '@mezzo/api-testing';
import type { DataSource } from 'typeorm';
import { RemindersModule } from '../reminders.module';
import { SEND_QUEUE } from '../reminders.options';
import type { SendJobData } from './reminder-plan';
import { ReminderSender } from './reminder-sender.service';
import { RemindersQueue } from './reminders-queue.service';
import { RemindersWorkers } from './reminders-workers';

/** A send job for nobody: the sender finds no recipient and sends nothing. */
const job = (): SendJobData => ({
  userId: randomUUID(),
  licenseId: randomUUID(),
  cycleEnd: '2026-08-31',
  kind: 'deadline-30d',
  asOf: '2026-08-01',
});

describe('reminders send queue (pg-boss on PostgreSQL)', () => {
  let t: TestApp;
  let queue: RemindersQueue;

  beforeAll(async () => {
    // The workers start in the test, once the backlog is queued.
    const start = jest
      .spyOn(RemindersWorkers.prototype, 'onApplicationBootstrap')
      .mockResolvedValue();
    t = await createTestApp([
      RemindersModule.forRoot({
        runWorkers: true,
        retryLimit: 0,
        // Longer than `whenIdle`'s 15 s below: a worker that waited it out between two fetches
        // could not drain the backlog in time; only fetching the next batch at once does.
        pollingIntervalSeconds: 30,
        sendBatchSize: 5,
        scanOnStart: false,
      }),
    ]);
    queue = t.app.get(RemindersQueue);
    start.mockRestore();
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  it('drains a backlog batch after batch, failing only the job whose send throws', async () => {
    const sender = t.app.get(ReminderSender);
    const handled: string[] = [];
    const broken = job();
    jest.spyOn(sender, 'handle').mockImplementation(async (data) => {
      handled.push(data.licenseId);
      if (data.licenseId === broken.licenseId)
        throw new Error('SMTP server said no');
      return false;
    });
    const jobs = [...Array.from({ length: 11 }, job), broken, job()];
    for (const j of jobs) expect(await queue.enqueueSend(j)).not.toBeNull();
    // Batches of 5, 5 and 3.
    await t.app.get(RemindersWorkers).onApplicationBootstrap();
    await queue.whenIdle(15_000);

    expect([...handled].sort()).toEqual(jobs.map((j) => j.licenseId).sort());
    const db = t.app.get<DataSource>(getDataSourceToken());
    const states: { license_id: string; state: string }[] = await db.query(
      `SELECT data->>'licenseId' AS license_id, state FROM pgboss.job WHERE name = $1`,
      [SEND_QUEUE],
    );
    const failed = states.filter((s) => s.state === 'failed');
    expect(failed.map((s) => s.license_id)).toEqual([broken.licenseId]);
    expect(states.filter((s) => s.state === 'completed')).toHaveLength(
      jobs.length - 1,
    );
  });
});
