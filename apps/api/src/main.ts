import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { ConfigError, loadConfig } from '@mezzo/api-config';
import { configureApp } from '@mezzo/api-core';
import { runMigrations } from '@mezzo/api-data-access';
import { Logger } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import { AppModule } from './app/app.module';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './seed/demo-seed';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create(AppModule.forRoot(config), {
    bufferLogs: true,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  configureApp(app, config);

  const applied = await runMigrations(
    app.get<DataSource>(getDataSourceToken()),
  );
  if (applied.length)
    logger.log(`Applied migrations: ${applied.join(', ')}`, 'Database');

  if (config.seedDemo && config.mode !== 'production') {
    const { created } = await seedDemo(app);
    if (created) logger.log(`Demo data loaded (${created} accounts)`, 'Seed');
  }

  await app.listen(config.port, '0.0.0.0');
  const url = await app.getUrl();
  logger.log(
    `Mezzo API listening on ${url.replace('[::1]', 'localhost').replace('0.0.0.0', 'localhost')}`,
    'Bootstrap',
  );
  if (config.seedDemo && config.mode !== 'production') {
    const lines = DEMO_ACCOUNTS.map(
      (a) => `    ${a.email.padEnd(30)} ${a.role}`,
    ).join('\n');
    process.stdout.write(
      `\n  Mezzo is running at ${config.appUrl}\n  API docs: ${config.appUrl}/api/docs\n\n  Demo logins (password: ${DEMO_PASSWORD}):\n${lines}\n\n  ${mailDestination(config.mail)}\n  Press Ctrl-C to stop.\n\n`,
    );
  }
}

/** Where mail goes, for the start banner: the SMTP server without its credentials, or the outbox folder. */
function mailDestination(mail: {
  smtpUrl?: string;
  outboxDir: string;
}): string {
  if (!mail.smtpUrl) return `Mail is written to ${mail.outboxDir}`;
  const server = new URL(mail.smtpUrl);
  return `Mail is sent over SMTP to ${server.host}`;
}

bootstrap().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(78);
  }
  process.stderr.write(
    `Mezzo API failed to start: ${err instanceof Error ? err.stack : String(err)}\n`,
  );
  process.exit(1);
});
