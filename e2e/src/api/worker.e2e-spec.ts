import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

const root = resolve(__dirname, '../../..');

/** The reminder workers run in their own process beside an API started with WORKERS=0. */
describe('the worker process (dist/apps/api/worker.js)', () => {
  let db: Client;
  let worker: ChildProcess | undefined;
  const output: string[] = [];

  const reminderConnections = async (): Promise<number> =>
    Number(
      (
        await db.query(
          `SELECT count(*) FROM pg_stat_activity WHERE application_name = 'mezzo-reminders'`,
        )
      ).rows[0].count,
    );

  beforeAll(async () => {
    const url = process.env['E2E_DATABASE_URL'];
    if (!url)
      throw new Error('E2E_DATABASE_URL is not set (see the e2e global setup)');
    db = new Client({ connectionString: url });
    await db.connect();
  });
  afterAll(async () => {
    if (worker && worker.exitCode === null && worker.signalCode === null)
      worker.kill('SIGKILL');
    await db.end();
  });

  it('takes the reminder queue that the API (WORKERS=0) leaves alone, and stops cleanly', async () => {
    expect(await reminderConnections()).toBe(0);

    worker = spawn(process.execPath, [join(root, 'dist/apps/api/worker.js')], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: process.env['E2E_DATABASE_URL'],
        DATA_DIR: mkdtempSync(join(tmpdir(), 'mezzo-e2e-worker-')),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stdout?.on('data', (d) => output.push(String(d)));
    worker.stderr?.on('data', (d) => output.push(String(d)));
    const deadline = Date.now() + 30_000;
    while (!output.join('').includes('reminder workers running')) {
      if (worker.exitCode !== null)
        throw new Error(`The worker exited:\n${output.join('')}`);
      if (Date.now() > deadline)
        throw new Error(
          `The worker did not start in 30 s:\n${output.join('')}`,
        );
      await new Promise((ok) => setTimeout(ok, 100));
    }

    expect(await reminderConnections()).toBeGreaterThan(0);
    const schedules = await db.query(
      `SELECT name, cron, timezone FROM pgboss.schedule`,
    );
    expect(schedules.rows).toEqual([
      { name: 'reminders.scan', cron: '0 14 * * *', timezone: 'UTC' },
    ]);

    const exited = new Promise<void>((ok) => worker?.once('exit', () => ok()));
    worker.kill('SIGTERM');
    await exited;
    expect(output.join('')).not.toMatch(/"level":(50|60)/); // no error or fatal log line
    const gone = Date.now() + 10_000; // backends end just after their sockets close
    while ((await reminderConnections()) > 0 && Date.now() < gone)
      await new Promise((ok) => setTimeout(ok, 100));
    expect(await reminderConnections()).toBe(0);
  });
});
