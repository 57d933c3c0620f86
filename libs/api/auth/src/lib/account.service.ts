import { Injectable } from '@nestjs/common';
import { AccountErasure, AppError } from '@mezzo/api-core';
import {
  CertificatesRepository,
  CreditsRepository,
  LicensesRepository,
  OrganizationsRepository,
  UsersRepository,
  UserSettingsRepository,
} from '@mezzo/api-data-access';
import type { AccountExportDto } from '@mezzo/shared-contracts';
import { verifyPassword } from './secrets';
import { toUserDto } from './user.mapper';

/** The account as a whole: export everything, or delete everything. */
@Injectable()
export class AccountService {
  constructor(
    private readonly users: UsersRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly licenses: LicensesRepository,
    private readonly credits: CreditsRepository,
    private readonly settings: UserSettingsRepository,
    private readonly certificates: CertificatesRepository,
    private readonly erasure: AccountErasure,
  ) {}

  async export(userId: string): Promise<AccountExportDto> {
    const user = await this.requireUser(userId);
    const [memberships, licenses, log, settings, certificates] =
      await Promise.all([
        this.organizations.membershipsOf(userId),
        this.licenses.list(userId, true),
        this.credits.everything(userId),
        this.settings.find(userId),
        this.certificates.listForUser(userId),
      ]);
    return {
      exportedAt: new Date().toISOString(),
      user: toUserDto(user, memberships),
      licenses: licenses.map(({ user: _u, userId: _id, ...l }) => l),
      credits: log.credits.map(({ user: _u, userId: _id, ...c }) => c),
      creditHistory: log.events.map(({ credit: _c, ...e }) => e),
      // What each file is and its fingerprint; the files themselves download one by one.
      certificates: certificates.map((c) => ({
        id: c.id,
        creditId: c.creditId,
        fileName: c.fileName,
        mediaType: c.mediaType,
        sizeBytes: c.sizeBytes,
        sha256: c.sha256,
        createdAt: c.createdAt.toISOString(),
      })),
      // The calendar token's hash is a credential, not the user's data.
      settings: settings
        ? {
            advocacyFloorPercent: settings.advocacyFloorPercent,
            remindDeadlines: settings.remindDeadlines,
            remindAdvocacy: settings.remindAdvocacy,
            calendarFeedEnabled: settings.calendarTokenHash !== null,
          }
        : null,
    };
  }

  /** Needs the password; an organisation's last owner must hand over ownership first. */
  async delete(userId: string, password: string): Promise<void> {
    const user = await this.requireUser(userId);
    if (!(await verifyPassword(user.passwordHash, password))) {
      throw new AppError(
        401,
        'invalid_credentials',
        'The password is not correct',
        { password: ['is not correct'] },
      );
    }
    for (const m of await this.organizations.membershipsOf(userId)) {
      if (
        m.role === 'owner' &&
        (await this.organizations.countOwners(m.organizationId)) <= 1
      ) {
        throw AppError.conflict(
          `You are the only owner of ${m.organizationName}; make someone else owner first`,
        );
      }
    }
    // Files outside the database go first (rows and bytes together), then the user and every
    // row that cascades from it.
    await this.erasure.run(userId);
    await this.users.delete(userId);
  }

  private async requireUser(id: string) {
    const user = await this.users.findById(id);
    if (!user) throw AppError.notFound('Account');
    return user;
  }
}
