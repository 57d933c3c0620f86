import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  emailReserved,
  recordEmailRevert,
  takeLink,
} from './email-reverts.repository';
import { isUniqueViolation } from './users.repository';

/** What opening an email-change link did. */
export type EmailChangeOutcome =
  | {
      kind: 'changed';
      userId: string;
      name: string;
      oldEmail: string;
      newEmail: string;
      /** Whether this change got an undo link (not when an earlier change's link is still open). */
      undoable: boolean;
    }
  /**
   * Another account has the new address by now, or it is held for another account's open undo
   * link: nothing changed, the link still stands.
   */
  | { kind: 'taken' }
  /** No such link: unknown, used already, replaced by a newer request, or expired. */
  | { kind: 'invalid' };

@Injectable()
export class EmailChangesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Records the user's request, replacing any earlier one (its link stops working). The unique
   * index on user_id decides, so two racing requests leave one row.
   */
  async replacePending(input: {
    userId: string;
    email: string;
    tokenHash: string;
    expiresAt: Date;
  }): Promise<void> {
    await this.db.query(
      `INSERT INTO email_changes (user_id, email, token_hash, expires_at)
       VALUES ($1, lower($2), $3, $4)
       ON CONFLICT (user_id)
       DO UPDATE SET email = EXCLUDED.email, token_hash = EXCLUDED.token_hash,
                     expires_at = EXCLUDED.expires_at, created_at = now()`,
      [input.userId, input.email, input.tokenHash, input.expiresAt],
    );
  }

  /**
   * The user's request still waiting for its link, if any: an expired one is as good as gone (its
   * link answers as a dead one), so it is not returned.
   */
  async findPending(
    userId: string,
  ): Promise<{ email: string; expiresAt: Date } | null> {
    const rows: { email: string; expires_at: Date }[] = await this.db.query(
      `SELECT email, expires_at FROM email_changes WHERE user_id = $1 AND expires_at > now()`,
      [userId],
    );
    const row = rows[0];
    return row ? { email: row.email, expiresAt: row.expires_at } : null;
  }

  /** Drops the user's pending request, if any (its link stops working). */
  async cancel(userId: string): Promise<void> {
    await this.db.query(`DELETE FROM email_changes WHERE user_id = $1`, [
      userId,
    ]);
  }

  /**
   * Uses an unexpired link: in one transaction the request is taken (so it works once), the user's
   * email becomes the new address, and the undo link for the old address (`revert`) is recorded,
   * replacing an earlier one. When another account holds the new address, the unique index
   * refuses the update and the whole transaction rolls back, request included.
   *
   * The user's row is locked before the request's, as undoing a change does, so that the two
   * racing for one account wait for each other instead of deadlocking.
   */
  async confirm(
    tokenHash: string,
    revert: { tokenHash: string; expiresAt: Date },
  ): Promise<EmailChangeOutcome> {
    try {
      return await this.db.transaction(async (tx) => {
        // Used or replaced by a racing request meanwhile, or the account is gone: a dead link.
        const taken = await takeLink<{ email: string }>(
          tx,
          'email_changes',
          tokenHash,
          'email',
        );
        if (!taken) return { kind: 'invalid' } as const;
        const { userId, user, link: change } = taken;
        // Held for another account's undo link: as good as taken (rolled back, request kept).
        if (await emailReserved(tx, change.email, userId))
          throw new ReservedAddress();
        await tx.query(
          `UPDATE users SET email = $2, updated_at = now() WHERE id = $1`,
          [userId, change.email],
        );
        const undoable = await recordEmailRevert(tx, {
          userId,
          oldEmail: user.email,
          newEmail: change.email,
          ...revert,
        });
        return {
          kind: 'changed',
          userId,
          name: user.name,
          oldEmail: user.email,
          newEmail: change.email,
          undoable,
        } as const;
      });
    } catch (e) {
      if (isUniqueViolation(e) || e instanceof ReservedAddress)
        return { kind: 'taken' };
      throw e;
    }
  }
}

/** Thrown inside the confirm transaction to roll it back when the new address is reserved. */
class ReservedAddress extends Error {}
