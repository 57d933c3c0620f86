import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createDataSource, runMigrations } from '@mezzo/api-data-access';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env['MEZZO_TEST_PG_URL'];
  if (!url)
    throw new Error(
      'MEZZO_TEST_PG_URL is not set: is the jest globalSetup of @mezzo/api-testing configured?',
    );
  return url;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A new, empty, fully migrated database for one test file, on the run's PostgreSQL. */
export async function createTestDatabase(
  prefix = 'test',
): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`.toLowerCase();
  const admin = new Client({
    connectionString: withDatabase(serverUrl(), 'postgres'),
  });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDatabase(serverUrl(), name);
  const ds = createDataSource(url, { poolSize: 1 });
  await ds.initialize();
  await runMigrations(ds);
  await ds.destroy();
  return {
    url,
    name,
    async drop() {
      const c = new Client({
        connectionString: withDatabase(serverUrl(), 'postgres'),
      });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
