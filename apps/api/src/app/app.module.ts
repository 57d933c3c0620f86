import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, type AppConfig } from '@mezzo/api-config';
import { AuthModule } from '@mezzo/api-auth';
import { CoreModule, loggerParams } from '@mezzo/api-core';
import { DataAccessModule } from '@mezzo/api-data-access';
import { NotificationsModule } from '@mezzo/api-notifications';
import { OrganizationsModule } from '@mezzo/api-organizations';
import { CertificatesModule } from '@mezzo/api-certificates';
import { CreditsModule } from '@mezzo/api-credits';
import { LicensesModule } from '@mezzo/api-licenses';
import { RemindersModule } from '@mezzo/api-reminders';
import { LoggerModule } from 'nestjs-pino';

/** The composition root: wiring only. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config.logLevel)),
        DataAccessModule.forRoot({ url: config.databaseUrl }),
        NotificationsModule.forRoot({
          smtpUrl: config.mail.smtpUrl,
          from: config.mail.from,
          outboxDir: config.mail.outboxDir,
        }),
        CoreModule,
        AuthModule,
        OrganizationsModule,
        LicensesModule,
        CreditsModule,
        // WORKERS=0: the reminder workers run in their own process (worker.ts), not here.
        RemindersModule.forRoot({ runWorkers: config.runWorkers }),
        CertificatesModule.forRoot({
          dataDir: config.dataDir,
          s3: config.certificates.s3,
        }),
      ],
    };
  }
}
