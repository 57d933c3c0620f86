import pg from 'pg';
import { DataSource, MigrationExecutor, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * The one place the database connection is described. Entities and migrations are imported classes
 * (not globs) and `pg` is passed as the driver, so the webpack-bundled API carries them.
 * `synchronize` stays off: the schema changes only through migrations.
 */
export function dataSourceOptions(
  url: string,
  extra: { poolSize?: number; logging?: boolean } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    driver: pg,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: extra.logging ?? false,
    poolSize: extra.poolSize ?? 10,
  };
}

export function createDataSource(
  url: string,
  extra?: { poolSize?: number; logging?: boolean },
): DataSource {
  return new DataSource(dataSourceOptions(url, extra));
}

/** Advisory-lock key so that replicas starting together run migrations one at a time. */
const MIGRATION_LOCK = 727_001;

/** Runs pending migrations under a PostgreSQL advisory lock; returns the names applied. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    // On the connection that holds the lock, so a pool of one cannot deadlock.
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    const applied = await executor.executePendingMigrations();
    return applied.map((m) => m.name);
  } finally {
    await runner
      .query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK])
      .catch(() => undefined);
    await runner.release();
  }
}

/** SQL the entities would need beyond what the migrations created; empty when they agree. */
export async function pendingSchemaChanges(
  dataSource: DataSource,
): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}
