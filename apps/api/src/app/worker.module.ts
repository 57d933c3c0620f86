import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, type AppConfig } from '@mezzo/api-config';
import { loggerParams } from '@mezzo/api-core';
import { DataAccessModule } from '@mezzo/api-data-access';
import { NotificationsModule } from '@mezzo/api-notifications';
import { RemindersModule } from '@mezzo/api-reminders';
import { LoggerModule } from 'nestjs-pino';

/** The worker process's composition root: the reminder workers and what they need, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config.logLevel)),
        DataAccessModule.forRoot({ url: config.databaseUrl, poolSize: 4 }),
        NotificationsModule.forRoot({
          smtpUrl: config.mail.smtpUrl,
          from: config.mail.from,
          outboxDir: config.mail.outboxDir,
        }),
        RemindersModule.forRoot({ runWorkers: true }),
      ],
    };
  }
}
