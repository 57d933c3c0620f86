// `npm run -s bench -- api`: a licensee's compliance view under 50 concurrent clients, against the
// built API on a real (embedded) PostgreSQL with the demo data, deployed as `npm start` and
// docker-compose.yml run it: the API with WORKERS=0 beside the reminder worker process (idle here, but
// on the same cores). Last line: JSON with p50Ms, p99Ms, requestsPerSecond. Target (PRODUCT.md §7):
// p99 < 50 ms.
import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 50);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 15);

interface EmbeddedPg {
  url: string;
  stop(): Promise<void>;
}

async function main(): Promise<void> {
  if (!existsSync(join(root, 'dist/apps/api/main.js')) || !existsSync(join(root, 'dist/apps/api/worker.js'))) {
    const built = spawnSync(join(root, 'node_modules/.bin/nx'), ['build', 'api'], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('build failed');
  }
  const { startEmbeddedPostgres, freePort } = (await import(join(root, 'tools/db/embedded-postgres.mjs'))) as {
    startEmbeddedPostgres(o: { dataDir: string; persistent: boolean }): Promise<EmbeddedPg>;
    freePort(): Promise<number>;
  };
  mkdirSync(join(root, 'tmp'), { recursive: true });
  const dir = mkdtempSync(join(root, 'tmp', 'bench-api-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), persistent: false });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = { ...process.env, PORT: String(port), DATABASE_URL: pg.url, DATA_DIR: join(dir, 'data'), SEED_DEMO: '1', LOG_LEVEL: 'warn', NODE_ENV: 'development' };
  const api: ChildProcess = spawn(process.execPath, [join(root, 'dist/apps/api/main.js')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...env, WORKERS: '0' },
  });
  const worker: ChildProcess = spawn(process.execPath, [join(root, 'dist/apps/api/worker.js')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env });
  try {
    await waitHealthy(base, api);
    const session = (await (
      await fetch(`${base}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'licensee@demo.mezzo.test', password: 'mezzo-demo-2026' }),
      })
    ).json()) as { accessToken: string };
    const auth = { Authorization: `Bearer ${session.accessToken}` };
    const licenses = (await (await fetch(`${base}/api/licenses`, { headers: auth })).json()) as { id: string; jurisdiction: string }[];
    const license = licenses.find((l) => l.jurisdiction === 'NJ') ?? licenses[0];
    const url = `${base}/api/licenses/${license.id}/compliance`;
    await run(url, auth, 3); // warm-up: JIT, connection pool
    const result = await run(url, auth, SECONDS);
    const figures = {
      bench: 'api',
      endpoint: 'GET /api/licenses/:id/compliance',
      connections: CONNECTIONS,
      seconds: SECONDS,
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p90Ms: result.latency.p90,
      p99Ms: result.latency.p99,
      maxMs: result.latency.max,
      errors: result.errors + result.non2xx,
      cpus: cpus().length,
      node: process.version,
    };
    process.stdout.write(`compliance view, ${CONNECTIONS} clients, ${SECONDS} s: p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, ${figures.requestsPerSecond} req/s, errors ${figures.errors}\n`);
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    await Promise.all(
      [api, worker].map((child) => {
        if (child.exitCode !== null || child.signalCode !== null) return undefined;
        const exited = new Promise((ok) => child.once('exit', ok));
        child.kill('SIGTERM');
        return exited;
      }),
    );
    await pg.stop();
  }
}

function run(url: string, headers: Record<string, string>, duration: number): Promise<autocannon.Result> {
  return autocannon({ url, headers, connections: CONNECTIONS, duration });
}

async function waitHealthy(base: string, api: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error(`The API exited with code ${api.exitCode} before it was healthy`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((ok) => setTimeout(ok, 250));
  }
  throw new Error('API did not start');
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
