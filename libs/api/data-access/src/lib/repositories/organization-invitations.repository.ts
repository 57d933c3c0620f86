import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { MembershipRoleValue, OrganizationKindValue } from '../entities';
import { unwrapRows } from './password-reset-tokens.repository';

/** An invitation with what its invitee or its organisation's managers need to read. */
export interface InvitationRow {
  id: string;
  organizationId: string;
  organizationName: string;
  organizationKind: OrganizationKindValue;
  email: string;
  role: MembershipRoleValue;
  invitedByName: string | null;
  createdAt: Date;
  expiresAt: Date;
}

/** Still open: neither accepted nor declined, and not past its expiry. */
const OPEN = `i.accepted_at IS NULL AND i.declined_at IS NULL AND i.expires_at > now()`;

const SELECT_ROW = `SELECT i.id, i.organization_id AS "organizationId", o.name AS "organizationName",
         o.kind AS "organizationKind", i.email, i.role, u.name AS "invitedByName",
         i.created_at AS "createdAt", i.expires_at AS "expiresAt"
    FROM organization_invitations i
    JOIN organizations o ON o.id = i.organization_id
    LEFT JOIN users u ON u.id = i.invited_by`;

@Injectable()
export class OrganizationInvitationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Creates the invitation, or refreshes the unanswered one for the same (organisation, email):
   * new token, role, inviter and expiry. The partial unique index decides, so two racing invites
   * leave one row.
   */
  async upsertPending(input: {
    organizationId: string;
    email: string;
    role: MembershipRoleValue;
    tokenHash: string;
    invitedBy: string;
    expiresAt: Date;
  }): Promise<{ id: string; expiresAt: Date }> {
    const rows: { id: string; expires_at: Date }[] = await this.db.query(
      `INSERT INTO organization_invitations
              (organization_id, email, role, token_hash, invited_by, expires_at)
       VALUES ($1, lower($2), $3, $4, $5, $6)
       ON CONFLICT (organization_id, email) WHERE accepted_at IS NULL AND declined_at IS NULL
       DO UPDATE SET role = EXCLUDED.role, token_hash = EXCLUDED.token_hash,
                     invited_by = EXCLUDED.invited_by, expires_at = EXCLUDED.expires_at,
                     created_at = now()
       RETURNING id, expires_at`,
      [
        input.organizationId,
        input.email,
        input.role,
        input.tokenHash,
        input.invitedBy,
        input.expiresAt,
      ],
    );
    return { id: rows[0].id, expiresAt: rows[0].expires_at };
  }

  /** Open invitations addressed to an email, newest first. */
  pendingFor(email: string): Promise<InvitationRow[]> {
    return this.db.query(
      `${SELECT_ROW} WHERE i.email = lower($1) AND ${OPEN}
       ORDER BY i.created_at DESC, i.id`,
      [email],
    );
  }

  /** Open invitations of one organisation, for its managers. */
  pendingOf(organizationId: string): Promise<InvitationRow[]> {
    return this.db.query(
      `${SELECT_ROW} WHERE i.organization_id = $1 AND ${OPEN}
       ORDER BY i.email, i.id`,
      [organizationId],
    );
  }

  /** An open invitation of this organisation, by id. */
  async pendingById(
    organizationId: string,
    id: string,
  ): Promise<InvitationRow | null> {
    const rows: InvitationRow[] = await this.db.query(
      `${SELECT_ROW} WHERE i.id = $1 AND i.organization_id = $2 AND ${OPEN}`,
      [id, organizationId],
    );
    return rows[0] ?? null;
  }

  /**
   * Withdraws an open invitation of this organisation: the row goes, with its token, so the link
   * opens nothing and the address can be invited again. False when it is not open (any more).
   */
  async withdraw(organizationId: string, id: string): Promise<boolean> {
    const result: { id: string }[] | [{ id: string }[], number] =
      await this.db.query(
        `DELETE FROM organization_invitations i
          WHERE i.id = $1 AND i.organization_id = $2 AND ${OPEN}
          RETURNING i.id`,
        [id, organizationId],
      );
    return unwrapRows(result).length > 0;
  }

  /** The open invitation whose link token hashes to this, if it is addressed to this email. */
  async pendingByToken(
    tokenHash: string,
    email: string,
  ): Promise<InvitationRow | null> {
    const rows: InvitationRow[] = await this.db.query(
      `${SELECT_ROW} WHERE i.token_hash = $1 AND i.email = lower($2) AND ${OPEN}`,
      [tokenHash, email],
    );
    return rows[0] ?? null;
  }

  /**
   * Accepts an open invitation addressed to this email and makes the user a member with its role,
   * in one transaction; null when there is no such invitation. Someone who is already a member
   * keeps their role.
   */
  accept(
    id: string,
    email: string,
    userId: string,
  ): Promise<InvitationRow | null> {
    return this.db.transaction(async (tx) => {
      const rows: InvitationRow[] = await tx.query(
        `${SELECT_ROW} WHERE i.id = $1 AND i.email = lower($2) AND ${OPEN}
         FOR UPDATE OF i`,
        [id, email],
      );
      const invitation = rows[0];
      if (!invitation) return null;
      await tx.query(
        `UPDATE organization_invitations SET accepted_at = now() WHERE id = $1`,
        [id],
      );
      await tx.query(
        `INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (organization_id, user_id) DO NOTHING`,
        [invitation.organizationId, userId, invitation.role],
      );
      return invitation;
    });
  }

  /** Declines an open invitation addressed to this email; false when there is none. */
  async decline(id: string, email: string): Promise<boolean> {
    const result: { id: string }[] | [{ id: string }[], number] =
      await this.db.query(
        `UPDATE organization_invitations i SET declined_at = now()
          WHERE i.id = $1 AND i.email = lower($2) AND ${OPEN}
          RETURNING i.id`,
        [id, email],
      );
    return unwrapRows(result).length > 0;
  }

  /** Every invitation ever addressed to this email (for account deletion: the address goes too). */
  async deleteAddressedTo(email: string): Promise<void> {
    await this.db.query(
      `DELETE FROM organization_invitations WHERE email = lower($1)`,
      [email],
    );
  }
}
