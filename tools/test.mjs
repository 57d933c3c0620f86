// `npm test`: every check CI runs, in order, stopping at the first failure:
// lint → type check → unit + integration tests (one embedded PostgreSQL for the run) → build → e2e.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from './db/embedded-postgres.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  TZ: 'UTC',
  FORCE_COLOR: process.env.CI ? '0' : '1',
};
const parallel = process.env.MEZZO_TEST_PARALLEL ?? '2';
// CI runs everything for real: a cached pass from another checkout must not stand in for a run.
const cacheFlags = process.env.CI ? ['--skip-nx-cache'] : [];

const steps = [
  [
    'lint',
    bin('nx'),
    [
      'run-many',
      '-t',
      'lint',
      `--parallel=${parallel}`,
      '--output-style=static',
      ...cacheFlags,
    ],
  ],
  ['type check', bin('tsc'), ['-p', 'tsconfig.typecheck.json']],
  [
    'unit + integration tests',
    bin('nx'),
    [
      'run-many',
      '-t',
      'test',
      `--parallel=${parallel}`,
      '--output-style=static',
      ...cacheFlags,
    ],
  ],
  [
    'build',
    bin('nx'),
    [
      'run-many',
      '-t',
      'build',
      '-p',
      'api',
      'web',
      'cli',
      `--parallel=${parallel}`,
      '--output-style=static',
      ...cacheFlags,
    ],
  ],
  [
    'end-to-end (HTTP + Chromium)',
    bin('nx'),
    ['run', 'e2e:e2e', '--output-style=static'],
  ],
];

const only = process.argv.slice(2);
const results = [];
let postgres;

try {
  // One PostgreSQL for every integration suite: each test file creates its own database on it.
  mkdirSync(join(root, 'tmp'), { recursive: true });
  const runDir = mkdtempSync(join(root, 'tmp', 'test-run-'));
  chmodSync(runDir, 0o755);
  postgres = await startEmbeddedPostgres({
    dataDir: join(runDir, 'pg'),
    database: 'postgres',
    persistent: false,
  });
  env.MEZZO_TEST_PG_URL = postgres.url;

  for (const [name, cmd, args] of steps) {
    if (only.length && !only.some((o) => name.startsWith(o))) continue;
    process.stdout.write(`\n=== ${name} ===\n`);
    const started = Date.now();
    const run = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    results.push({ name, ok: run.status === 0, seconds });
    if (run.status !== 0) break;
  }
} finally {
  if (postgres) await postgres.stop();
}

process.stdout.write('\n=== summary ===\n');
for (const r of results)
  process.stdout.write(
    `${r.ok ? 'ok  ' : 'FAIL'}  ${r.name} (${r.seconds} s)\n`,
  );
const failed = results.filter((r) => !r.ok).length;
process.stdout.write(
  `steps: ${results.length - failed} passed, ${failed} failed\n`,
);
process.exit(failed ? 1 : 0);
