// `npm start`: builds what is needed, starts PostgreSQL (embedded, data in .data/, unless DATABASE_URL
// is set), then runs the API, which applies migrations, loads the demo data once and serves the web app,
// and beside it the reminder worker process.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startEmbeddedPostgres } from './db/embedded-postgres.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const log = (msg) => process.stdout.write(`[mezzo] ${msg}\n`);

function build() {
  log('Building the API and the web app (cached after the first run)…');
  const nx = join(root, 'node_modules', '.bin', 'nx');
  const result = spawnSync(
    nx,
    ['run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=static'],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    },
  );
  if (result.status !== 0) {
    log('The build failed; see the output above.');
    process.exit(result.status ?? 1);
  }
}

async function portIsFree(port) {
  return new Promise((ok) => {
    const s = createServer();
    s.once('error', () => ok(false));
    s.listen(port, '127.0.0.1', () => s.close(() => ok(true)));
  });
}

async function main() {
  if (
    process.env.SKIP_BUILD !== '1' ||
    !existsSync(join(root, 'dist/apps/api/main.js')) ||
    !existsSync(join(root, 'dist/apps/api/worker.js'))
  )
    build();

  let postgres;
  let databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    log('Using the PostgreSQL named by DATABASE_URL.');
  } else {
    const preferred = Number(process.env.MEZZO_PG_PORT ?? 54329);
    const port = (await portIsFree(preferred)) ? preferred : await freePort();
    log(`Starting embedded PostgreSQL (data in .data/postgres, port ${port})…`);
    postgres = await startEmbeddedPostgres({
      dataDir: join(root, '.data', 'postgres'),
      port,
    });
    databaseUrl = postgres.url;
    log(
      postgres.fresh
        ? 'Created a new database cluster.'
        : 'Found the existing database.',
    );
  }

  // Two processes, as in docker-compose.yml: the API answers requests (WORKERS=0) and the worker
  // process runs the reminder schedule and sends.
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    SEED_DEMO:
      process.env.SEED_DEMO ??
      (process.env.NODE_ENV === 'production' ? '0' : '1'),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  const children = [
    ['The API', 'main.js', { ...env, WORKERS: '0' }],
    ['The reminder worker', 'worker.js', env],
  ].map(([name, file, childEnv]) => ({
    name,
    child: spawn(process.execPath, [join(root, 'dist/apps/api', file)], {
      cwd: root,
      stdio: 'inherit',
      env: childEnv,
    }),
  }));

  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    log('Stopping the API, the reminder worker and PostgreSQL…');
    await Promise.all(
      children.map(async ({ child }) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((ok) => child.once('exit', ok));
        child.kill('SIGTERM');
        await exited;
      }),
    );
    if (postgres) {
      await postgres.stop();
      log('PostgreSQL stopped cleanly.');
    }
    process.exit(code);
  };
  // embedded-postgres stops its clusters on SIGINT/SIGTERM/SIGHUP by itself (async-exit-hook), at
  // the same time as `stop` above and before the API and the worker have finished: requests in
  // flight then met a closed database. The signals are left to `stop`, which stops PostgreSQL last.
  const exitHook = createRequire(import.meta.resolve('embedded-postgres'))(
    'async-exit-hook',
  );
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    if (exitHook.hookedEvents().includes(signal)) exitHook.unhookEvent(signal);
    process.on(signal, () => stop(0));
  }
  for (const { name, child } of children)
    child.on('exit', (code) => {
      if (!stopping) {
        log(`${name} exited (code ${code}).`);
        stop(code ?? 1);
      }
    });
}

main().catch((err) => {
  process.stderr.write(`[mezzo] Could not start: ${err?.stack ?? err}\n`);
  process.exit(1);
});
