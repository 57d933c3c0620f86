import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@mezzo/api-config';
import { createDataSource, runMigrations } from '@mezzo/api-data-access';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './app/worker.module';

/**
 * The reminder workers in a process of their own (`node dist/apps/api/worker.js`), beside API
 * processes started with WORKERS=0: the daily scan and the email sends then never take CPU from
 * requests. Any number may run; pg-boss hands each job to one of them.
 */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  // Migrations first (under the same advisory lock as the API's): the workers start with the context.
  const dataSource = createDataSource(config.databaseUrl, { poolSize: 1 });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(config),
    { bufferLogs: true },
  );
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.enableShutdownHooks();
  logger.log('Mezzo reminder workers running', 'Worker');
}

bootstrap().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(78);
  }
  process.stderr.write(
    `Mezzo worker failed to start: ${err instanceof Error ? err.stack : String(err)}\n`,
  );
  process.exit(1);
});
