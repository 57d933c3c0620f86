import { Inject, Injectable, Logger } from '@nestjs/common';
import { newToken, sha256 } from '@mezzo/api-auth';
import { APP_CONFIG, type AppConfig } from '@mezzo/api-config';
import { AppError } from '@mezzo/api-core';
import {
  OrganizationInvitationsRepository,
  OrganizationsRepository,
  RateLimitsRepository,
  UsersRepository,
  type InvitationRow,
  type MembershipRow,
} from '@mezzo/api-data-access';
import {
  MailerService,
  organizationInvitationEmail,
} from '@mezzo/api-notifications';
import type {
  InvitationDto,
  InvitationSentDto,
  MembershipRole,
  OrganizationDto,
  PendingInvitationDto,
} from '@mezzo/shared-contracts';
import {
  OrganizationsService,
  toOrganizationDto,
} from './organizations.service';

export const INVITATION_TTL_DAYS = 14;
const INVITE_REFUSAL = 'Only owners and admins can invite members';
const WITHDRAW_REFUSAL = 'Only owners and admins can withdraw invitations';
/** Invitations send email to any address: a cap per inviter keeps Mezzo from being a spam relay. */
const INVITES_PER_HOUR = 100;

/**
 * Invitations: the only way into an organisation besides creating it. The inviter learns nothing
 * about the address (same answer whether or not it has an account); the invitee, signed in with
 * that address, accepts or declines. Until then nothing changes.
 */
@Injectable()
export class InvitationsService {
  private readonly logger = new Logger(InvitationsService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly organizations: OrganizationsRepository,
    private readonly invitations: OrganizationInvitationsRepository,
    private readonly users: UsersRepository,
    private readonly limits: RateLimitsRepository,
    private readonly mailer: MailerService,
    private readonly memberships: OrganizationsService,
  ) {}

  async invite(
    userId: string,
    organizationId: string,
    rawEmail: string,
    role: MembershipRole,
  ): Promise<InvitationSentDto> {
    const mine = await this.memberships.requireManager(
      userId,
      organizationId,
      INVITE_REFUSAL,
    );
    if (role === 'owner' && mine.role !== 'owner')
      throw AppError.forbidden('Only an owner can invite an owner');
    const email = rawEmail.toLowerCase();
    // The inviter can read the member list anyway, so this says nothing they could not know.
    if (await this.organizations.hasMemberWithEmail(organizationId, email))
      throw AppError.conflict('This person is already a member', 'conflict', {
        email: ['is already a member'],
      });
    const { count, retryAfterSeconds } = await this.limits.hit(
      `invite:user:${userId}`,
      3600,
    );
    if (count > INVITES_PER_HOUR) throw AppError.rateLimited(retryAfterSeconds);

    const token = newToken();
    const { expiresAt } = await this.invitations.upsertPending({
      organizationId,
      email,
      role,
      tokenHash: sha256(token),
      invitedBy: userId,
      expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
    });
    await this.sendEmail(userId, mine, email, role, token);
    return { email, role, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** Open invitations of an organisation, for its owners and admins. */
  async pendingOf(
    userId: string,
    organizationId: string,
  ): Promise<PendingInvitationDto[]> {
    await this.memberships.requireManager(
      userId,
      organizationId,
      INVITE_REFUSAL,
    );
    return (await this.invitations.pendingOf(organizationId)).map((i) => ({
      id: i.id,
      email: i.email,
      role: i.role,
      invitedByName: i.invitedByName,
      createdAt: new Date(i.createdAt).toISOString(),
      expiresAt: new Date(i.expiresAt).toISOString(),
    }));
  }

  /**
   * Withdraws an open invitation (owners and admins; an invitation to be an owner only by an owner,
   * as only an owner may send one). 404 when it is not an open invitation of this organisation.
   */
  async withdraw(
    userId: string,
    organizationId: string,
    invitationId: string,
  ): Promise<void> {
    const mine = await this.memberships.requireManager(
      userId,
      organizationId,
      WITHDRAW_REFUSAL,
    );
    const row = await this.invitations.pendingById(
      organizationId,
      invitationId,
    );
    if (!row) throw AppError.notFound('Invitation');
    if (row.role === 'owner' && mine.role !== 'owner')
      throw AppError.forbidden(
        'Only an owner can withdraw an invitation to be an owner',
      );
    // Accepted, declined or withdrawn since it was read: it is no longer open.
    if (!(await this.invitations.withdraw(organizationId, invitationId)))
      throw AppError.notFound('Invitation');
  }

  async mine(userId: string): Promise<InvitationDto[]> {
    const email = await this.emailOf(userId);
    return (await this.invitations.pendingFor(email)).map(toInvitationDto);
  }

  /** The invitation an email's link points to, if it is open and addressed to the caller. */
  async lookup(userId: string, token: string): Promise<InvitationDto> {
    const email = await this.emailOf(userId);
    const row = await this.invitations.pendingByToken(sha256(token), email);
    if (!row) throw AppError.notFound('Invitation');
    return toInvitationDto(row);
  }

  async accept(userId: string, invitationId: string): Promise<OrganizationDto> {
    const email = await this.emailOf(userId);
    const row = await this.invitations.accept(invitationId, email, userId);
    if (!row) throw AppError.notFound('Invitation');
    const membership = await this.organizations.membership(
      row.organizationId,
      userId,
    );
    if (!membership) throw AppError.notFound('Invitation');
    return toOrganizationDto(membership);
  }

  async decline(userId: string, invitationId: string): Promise<void> {
    const email = await this.emailOf(userId);
    if (!(await this.invitations.decline(invitationId, email)))
      throw AppError.notFound('Invitation');
  }

  private async sendEmail(
    inviterId: string,
    organization: MembershipRow,
    email: string,
    role: MembershipRole,
    token: string,
  ): Promise<void> {
    const inviter = await this.users.findById(inviterId);
    const invitationUrl = `${this.config.appUrl}/invitations?token=${encodeURIComponent(token)}`;
    try {
      await this.mailer.send({
        to: email,
        ...organizationInvitationEmail({
          organizationName: organization.organizationName,
          inviterName: inviter?.name ?? '',
          role,
          invitationUrl,
          email,
          expiresInDays: INVITATION_TTL_DAYS,
        }),
      });
    } catch (err) {
      // The answer must not depend on the address; the invitee still sees it in Mezzo.
      this.logger.error(
        { err: (err as Error).message },
        'Invitation email could not be sent',
      );
    }
  }

  private async emailOf(userId: string): Promise<string> {
    const user = await this.users.findById(userId);
    if (!user) throw AppError.notFound('Account');
    return user.email;
  }
}

function toInvitationDto(i: InvitationRow): InvitationDto {
  return {
    id: i.id,
    organizationId: i.organizationId,
    organizationName: i.organizationName,
    organizationKind: i.organizationKind,
    role: i.role,
    invitedByName: i.invitedByName,
    createdAt: new Date(i.createdAt).toISOString(),
    expiresAt: new Date(i.expiresAt).toISOString(),
  };
}
