import { Injectable } from '@nestjs/common';
import { AccountErasure, AppError } from '@mezzo/api-core';
import {
  CertificatesRepository,
  CreditsRepository,
  LicensesRepository,
  OrganizationInvitationsRepository,
  OrganizationsRepository,
  UsersRepository,
  UserSettingsRepository,
} from '@mezzo/api-data-access';
import type { AccountExportDto, UserDto } from '@mezzo/shared-contracts';
import { verifyPassword } from './secrets';
import { toUserDto } from './user.mapper';

/** The account as a whole: rename it, export everything, or delete everything. */
@Injectable()
export class AccountService {
  constructor(
    private readonly users: UsersRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly invitations: OrganizationInvitationsRepository,
    private readonly licenses: LicensesRepository,
    private readonly credits: CreditsRepository,
    private readonly settings: UserSettingsRepository,
    private readonly certificates: CertificatesRepository,
    private readonly erasure: AccountErasure,
  ) {}

  /** The name shown in the app and printed as "Licensee" on audit packets from now on. */
  async rename(userId: string, name: string): Promise<UserDto> {
    if (!(await this.users.updateName(userId, name)))
      throw AppError.notFound('Account');
    const user = await this.requireUser(userId);
    return toUserDto(user, await this.organizations.membershipsOf(userId));
  }

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

  /**
   * Needs the password. An organisation the user is alone in goes with the account (with its
   * invitations); one where they are the only owner but others are members must get another
   * owner first, or those members would be left with nobody to run it.
   */
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
    const stuck: { name: string; others: number }[] = [];
    for (const m of await this.organizations.membershipsOf(userId)) {
      if (m.role !== 'owner') continue;
      if ((await this.organizations.countOwners(m.organizationId)) > 1)
        continue;
      const others =
        (await this.organizations.countMembers(m.organizationId)) - 1;
      if (others > 0) stuck.push({ name: m.organizationName, others });
    }
    if (stuck.length > 0) throw soleOwner(stuck);
    // Files outside the database go first (rows and bytes together), then the organisations the
    // user is alone in, invitations addressed to them, and the user with every row that cascades.
    await this.erasure.run(userId);
    await this.organizations.deleteWhereOnlyMember(userId);
    await this.invitations.deleteAddressedTo(user.email);
    await this.users.delete(userId);
  }

  private async requireUser(id: string) {
    const user = await this.users.findById(id);
    if (!user) throw AppError.notFound('Account');
    return user;
  }
}

/** Says which organisations hold the deletion up and what to do about each. */
function soleOwner(stuck: { name: string; others: number }[]): AppError {
  const members = (n: number) => `${n} other ${n === 1 ? 'member' : 'members'}`;
  const list = stuck.map((o) => `${o.name} (${members(o.others)})`);
  const what =
    stuck.length === 1
      ? `You are the only owner of ${stuck[0].name}, which has ${members(stuck[0].others)}. ` +
        `Make one of them an owner of ${stuck[0].name}, or remove them, then delete your account again.`
      : `You are the only owner of ${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}. ` +
        'In each, make another member an owner, or remove the other members, then delete your account again.';
  return new AppError(
    409,
    'sole_owner',
    `${what} Organisations where you are the only member are deleted with your account.`,
  );
}
