// Jest globalSetup: one embedded PostgreSQL for the run (or the one named by MEZZO_TEST_PG_URL).
// Test files then create their own databases with createTestDatabase(), so they never share rows.
import { chmodSync, mkdirSync, mkdtempSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from '../../../../../../tools/db/embedded-postgres.mjs';

const workspaceRoot = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../../..',
);

export default async function globalSetup() {
  if (process.env.MEZZO_TEST_PG_URL) return;
  // Under the workspace's tmp/ (git-ignored): the postgres user must be able to read every parent folder.
  const root = join(workspaceRoot, 'tmp');
  mkdirSync(root, { recursive: true });
  const runDir = mkdtempSync(join(root, 'test-pg-'));
  chmodSync(runDir, 0o755);
  const pg = await startEmbeddedPostgres({
    dataDir: join(runDir, 'data'),
    database: 'postgres',
    persistent: false,
  });
  globalThis.__MEZZO_TEST_PG__ = pg;
  process.env.MEZZO_TEST_PG_URL = pg.url;
}
