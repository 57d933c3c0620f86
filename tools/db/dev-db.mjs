// `node tools/db/dev-db.mjs`: a long-running embedded PostgreSQL in .data/postgres for development.
import { startEmbeddedPostgres } from './embedded-postgres.mjs';

const db = await startEmbeddedPostgres({
  dataDir: '.data/postgres',
  port: Number(process.env.PGPORT ?? 54329),
});
console.log(`PostgreSQL ready: ${db.url}`);
const stop = async () => {
  await db.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
