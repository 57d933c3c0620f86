// Starts an embedded PostgreSQL and the built API (serving the built web app) on free ports,
// exactly as `npm start` does (reminder workers not in the API: WORKERS=0), and hands the base URL
// to the tests in E2E_BASE_URL and the database in E2E_DATABASE_URL.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  freePort,
  startEmbeddedPostgres,
} from '../../../tools/db/embedded-postgres.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export default async function globalSetup() {
  const main = join(root, 'dist/apps/api/main.js');
  if (!existsSync(main))
    throw new Error(
      'dist/apps/api/main.js is missing: build first (npx nx run-many -t build -p api web)',
    );
  mkdirSync(join(root, 'tmp'), { recursive: true });
  const runDir = mkdtempSync(join(root, 'tmp', 'e2e-'));
  chmodSync(runDir, 0o755);
  const pg = await startEmbeddedPostgres({
    dataDir: join(runDir, 'pg'),
    persistent: false,
  });
  const port = await freePort();
  const output = [];
  const api = spawn(process.execPath, [main], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      DATABASE_URL: pg.url,
      DATA_DIR: join(runDir, 'data'),
      APP_URL: `http://localhost:${port}`,
      WEB_DIST_DIR: join(root, 'dist/apps/web/browser'),
      LOG_LEVEL: 'warn',
      SIGN_IN_LIMIT_PER_IP: '10000',
      SEED_DEMO: '1',
      WORKERS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  api.stdout.on('data', (d) => output.push(String(d)));
  api.stderr.on('data', (d) => output.push(String(d)));
  const baseUrl = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (api.exitCode !== null)
      throw new Error(`The API exited during start:\n${output.join('')}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline)
      throw new Error(
        `The API did not become healthy in 60 s:\n${output.join('')}`,
      );
    await new Promise((ok) => setTimeout(ok, 250));
  }
  globalThis.__MEZZO_E2E__ = { pg, api };
  process.env.E2E_BASE_URL = baseUrl;
  process.env.E2E_DATABASE_URL = pg.url;
  process.env.E2E_OUTBOX_DIR = join(runDir, 'data', 'outbox');
}
