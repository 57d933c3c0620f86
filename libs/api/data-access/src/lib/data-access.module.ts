import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source';
import { ENTITIES } from './entities';
import { CreditsRepository } from './repositories/credits.repository';
import { LicensesRepository } from './repositories/licenses.repository';
import { OrganizationsRepository } from './repositories/organizations.repository';
import { PasswordResetTokensRepository } from './repositories/password-reset-tokens.repository';
import { RateLimitsRepository } from './repositories/rate-limits.repository';
import { RefreshTokensRepository } from './repositories/refresh-tokens.repository';
import { UsersRepository } from './repositories/users.repository';
import { CertificatesRepository } from './repositories/certificates.repository';
import { UserSettingsRepository } from './repositories/user-settings.repository';
import { ReminderDeliveriesRepository } from './repositories/reminder-deliveries.repository';
import { OrganizationInvitationsRepository } from './repositories/organization-invitations.repository';
import { EmailChangesRepository } from './repositories/email-changes.repository';
import { EmailRevertsRepository } from './repositories/email-reverts.repository';

const REPOSITORIES = [
  UsersRepository,
  RefreshTokensRepository,
  PasswordResetTokensRepository,
  RateLimitsRepository,
  OrganizationsRepository,
  LicensesRepository,
  CreditsRepository,
  CertificatesRepository,
  UserSettingsRepository,
  ReminderDeliveriesRepository,
  OrganizationInvitationsRepository,
  EmailChangesRepository,
  EmailRevertsRepository,
];

/** The database connection and every repository; the only module that talks to PostgreSQL. */
@Module({})
export class DataAccessModule {
  static forRoot(options: { url: string; poolSize?: number }): DynamicModule {
    return {
      module: DataAccessModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(options.url, { poolSize: options.poolSize }),
          retryAttempts: 3,
          retryDelay: 1000,
        }),
        TypeOrmModule.forFeature(ENTITIES),
      ],
      providers: REPOSITORIES,
      exports: REPOSITORIES,
    };
  }
}
