import { Injectable, Logger } from '@nestjs/common';
import { AccountErasure, AppError } from '@mezzo/api-core';
import {
  CertificatesRepository,
  CreditsRepository,
  EmailChangesRepository,
  EmailRevertsRepository,
  LicensesRepository,
  OrganizationInvitationsRepository,
  OrganizationsRepository,
  UsersRepository,
  UserSettingsRepository,
} from '@mezzo/api-data-access';
import { MailerService } from '@mezzo/api-notifications';
import type { AccountExportDto, UserDto } from '@mezzo/shared-contracts';
import { newOwnerEmail } from './new-owner.email';
import { SessionStatus } from './passport/session-status';
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
    private readonly emailChanges: EmailChangesRepository,
    private readonly emailReverts: EmailRevertsRepository,
    private readonly erasure: AccountErasure,
    private readonly mailer: MailerService,
    private readonly sessionStatus: SessionStatus,
  ) {}

  private readonly logger = new Logger(AccountService.name);

  /** The name shown in the app and printed as "Licensee" on audit packets from now on. */
  async rename(userId: string, name: string): Promise<UserDto> {
    if (!(await this.users.updateName(userId, name)))
      throw AppError.notFound('Account');
    const user = await this.requireUser(userId);
    return toUserDto(user, await this.organizations.membershipsOf(userId));
  }

  async export(userId: string): Promise<AccountExportDto> {
    const user = await this.requireUser(userId);
    const [memberships, licenses, log, settings, certificates, pending, undo] =
      await Promise.all([
        this.organizations.membershipsOf(userId),
        this.licenses.list(userId, true),
        this.credits.everything(userId),
        this.settings.find(userId),
        this.certificates.listForUser(userId),
        this.emailChanges.findPending(userId),
        this.emailReverts.findOpen(userId),
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
      // Addresses and expiries only: the links' token hashes are credentials.
      emailChange: {
        pending: pending
          ? { email: pending.email, expiresAt: pending.expiresAt.toISOString() }
          : null,
        undoable: undo
          ? {
              previousEmail: undo.oldEmail,
              changedTo: undo.newEmail,
              expiresAt: undo.expiresAt.toISOString(),
            }
          : null,
      },
    };
  }

  /**
   * Needs the password. An organisation the user is alone in goes with the account (with its
   * invitations); one where they are the only owner passes to its longest-standing admin (else
   * member), who is told by email, so that deleting an account never dead-ends and no organisation
   * is left without an owner.
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
    const heirs = await this.organizations.handOverSoleOwnerships(userId);
    // Files outside the database go first (rows and bytes together), then the organisations the
    // user is alone in, invitations addressed to them, and the user with every row that cascades.
    await this.erasure.run(userId);
    await this.organizations.deleteWhereOnlyMember(userId);
    await this.invitations.deleteAddressedTo(user.email);
    await this.users.delete(userId);
    // Its sessions went with it: their access tokens are refused from the next request on.
    this.sessionStatus.endedForUser(userId);
    for (const heir of heirs) await this.tellNewOwner(heir, user.name);
  }

  /** Best effort: the hand-over stands even when the mail cannot be sent (the failure is logged). */
  private async tellNewOwner(
    heir: { organizationName: string; email: string; name: string },
    formerOwner: string,
  ): Promise<void> {
    try {
      await this.mailer.send({
        to: heir.email,
        ...newOwnerEmail({ ...heir, formerOwner }),
      });
    } catch (err) {
      this.logger.error(
        { err: (err as Error).message },
        'New-owner email could not be sent',
      );
    }
  }

  private async requireUser(id: string) {
    const user = await this.users.findById(id);
    if (!user) throw AppError.notFound('Account');
    return user;
  }
}
