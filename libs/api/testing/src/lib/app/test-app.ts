import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ConfigModule, loadConfig, type AppConfig } from '@mezzo/api-config';
import { CoreModule, configureApp } from '@mezzo/api-core';
import { DataAccessModule } from '@mezzo/api-data-access';
import { NotificationsModule } from '@mezzo/api-notifications';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTestDatabase,
  type TestDatabase,
} from '../postgres/test-database';
import { startTestSmtpServer, type TestSmtpServer } from '../smtp';

export interface TestApp {
  app: INestApplication;
  /** The HTTP server, for supertest. */
  server: ReturnType<INestApplication['getHttpServer']>;
  config: AppConfig;
  db: TestDatabase;
  smtp: TestSmtpServer;
  close(): Promise<void>;
}

export const TEST_JWT_SECRET = 'test-jwt-secret-0123456789-0123456789-abcdef';

/**
 * A real Nest application of the given feature modules on a new migrated PostgreSQL database,
 * sending mail to a real local SMTP server, configured exactly as the running API is.
 */
export async function createTestApp(
  modules: (Type<unknown> | DynamicModule)[],
  env: Record<string, string> = {},
): Promise<TestApp> {
  const [db, smtp] = await Promise.all([
    createTestDatabase(),
    startTestSmtpServer(),
  ]);
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      JWT_SECRET: TEST_JWT_SECRET,
      COOKIE_SECRET: 'test-cookie-secret-0123456789-0123456789-abcdef',
      SMTP_URL: smtp.url,
      APP_URL: 'http://mezzo.test',
      LOG_LEVEL: 'silent',
      SIGN_IN_LIMIT_PER_IP: '1000',
      WEB_DIST_DIR: join(tmpdir(), 'no-web-build'),
      ...env,
    },
    mkdtempSync(join(tmpdir(), 'mezzo-test-')),
  );
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      DataAccessModule.forRoot({ url: db.url, poolSize: 4 }),
      NotificationsModule.forRoot({
        smtpUrl: config.mail.smtpUrl,
        from: config.mail.from,
        outboxDir: config.mail.outboxDir,
      }),
      CoreModule,
      ...modules,
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  configureApp(app, config);
  await app.init();
  return {
    app,
    server: app.getHttpServer(),
    config,
    db,
    smtp,
    async close() {
      await app.close();
      await smtp.stop();
      await db.drop();
    },
  };
}
