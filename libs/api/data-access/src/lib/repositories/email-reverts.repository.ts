import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { unwrapRows } from './password-reset-tokens.repository';
import { isUniqueViolation } from './users.repository';

/** What opening a "this wasn't me" link did. */
export type EmailRevertOutcome =
  | {
      kind: 'reverted';
      userId: string;
      name: string;
      /** The address the account signs in with again. */
      email: string;
    }
  /** Another account signs in with the old address by now: nothing changed, the link still stands. */
  | { kind: 'taken' }
  /**
   * No such link (unknown, used or expired): nothing changed.
   */
  | { kind: 'invalid' };

/**
 * Records the undo link of a change of sign-in email, unless the user already has an open one:
 * the oldest open link wins, so that someone who took the account over cannot kill the owner's
 * link by changing the email again (the owner's link then restores the owner's address). Runs
 * inside the transaction that confirms the change. True when this change got a link.
 */
export async function recordEmailRevert(
  tx: EntityManager,
  input: {
    userId: string;
    oldEmail: string;
    newEmail: string;
    tokenHash: string;
    expiresAt: Date;
  },
): Promise<boolean> {
  const rows: unknown[] = unwrapRows(
    await tx.query(
      `INSERT INTO email_reverts (user_id, old_email, new_email, token_hash, expires_at)
       VALUES ($1, lower($2), lower($3), $4, $5)
       ON CONFLICT (user_id)
       DO UPDATE SET old_email = EXCLUDED.old_email, new_email = EXCLUDED.new_email,
                     token_hash = EXCLUDED.token_hash, expires_at = EXCLUDED.expires_at,
                     created_at = now()
       WHERE email_reverts.expires_at <= now()
       RETURNING user_id`,
      [
        input.userId,
        input.oldEmail,
        input.newEmail,
        input.tokenHash,
        input.expiresAt,
      ],
    ),
  );
  return rows.length > 0;
}

/**
 * Whether `email` is held for another account's open undo link: the address an account was
 * moved away from stays reserved until the link expires, so that nobody can take it meanwhile and
 * make the undo fail. `exceptUserId`: the account the link belongs to (it may take it back).
 */
export async function emailReserved(
  db: Pick<EntityManager, 'query'>,
  email: string,
  exceptUserId?: string,
): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `SELECT 1 FROM email_reverts
      WHERE old_email = lower($1) AND expires_at > now() AND ($2::uuid IS NULL OR user_id <> $2::uuid)
      LIMIT 1`,
    [email, exceptUserId ?? null],
  );
  return rows.length > 0;
}

/**
 * Takes an unexpired one-time link from `table` inside `tx`: finds its user, locks the user's row
 * (before the link's, in both tables, so that a confirmation and an undo racing for one account
 * wait for each other instead of deadlocking), then deletes the link and answers the columns
 * `returning` named. Null when there is no such link, it was taken by a racing request meanwhile,
 * or the account is gone (its links cascade with it).
 */
export async function takeLink<Row>(
  tx: EntityManager,
  table: 'email_changes' | 'email_reverts',
  tokenHash: string,
  returning: string,
): Promise<{
  userId: string;
  user: { email: string; name: string };
  link: Row;
} | null> {
  const found: { user_id: string }[] = await tx.query(
    `SELECT user_id FROM ${table} WHERE token_hash = $1 AND expires_at > now()`,
    [tokenHash],
  );
  const userId = found[0]?.user_id;
  if (!userId) return null;
  const users: { email: string; name: string }[] = await tx.query(
    `SELECT email, name FROM users WHERE id = $1 FOR UPDATE`,
    [userId],
  );
  const taken: Row[] = unwrapRows(
    await tx.query(
      `DELETE FROM ${table}
        WHERE token_hash = $1 AND user_id = $2 AND expires_at > now()
        RETURNING ${returning}`,
      [tokenHash, userId],
    ),
  );
  const user = users[0];
  const link = taken[0];
  return user && link ? { userId, user, link } : null;
}

@Injectable()
export class EmailRevertsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The user's unexpired undo link, if any (addresses and expiry only: for the account export). */
  async findOpen(
    userId: string,
  ): Promise<{ oldEmail: string; newEmail: string; expiresAt: Date } | null> {
    const rows: { old_email: string; new_email: string; expires_at: Date }[] =
      await this.db.query(
        `SELECT old_email, new_email, expires_at FROM email_reverts WHERE user_id = $1 AND expires_at > now()`,
        [userId],
      );
    const row = rows[0];
    return row
      ? {
          oldEmail: row.old_email,
          newEmail: row.new_email,
          expiresAt: row.expires_at,
        }
      : null;
  }

  /** See `emailReserved`. */
  isReserved(email: string, exceptUserId?: string): Promise<boolean> {
    return emailReserved(this.db, email, exceptUserId);
  }

  /** Whether an unexpired link with this hash exists: a cheap look before costly work. */
  async exists(tokenHash: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM email_reverts WHERE token_hash = $1 AND expires_at > now()`,
      [tokenHash],
    );
    return rows.length > 0;
  }

  /**
   * Uses an unexpired link, in one transaction: the link is taken (it works once); the account's
   * email goes back to the address the link was sent to (whatever it was changed to since), its
   * password hash becomes `passwordHash`, and its pending email change, unused password-reset
   * links and sessions (refresh tokens) are dropped. The old address is reserved while the link is
   * open (`emailReserved`); should another account sign in with it anyway, the unique index refuses
   * the update and everything rolls back, link included.
   *
   * The user's row is locked before the link's, as confirming a change does, so that the two
   * racing for one account wait for each other instead of deadlocking.
   */
  async revert(
    tokenHash: string,
    passwordHash: string,
  ): Promise<EmailRevertOutcome> {
    try {
      return await this.db.transaction(async (tx) => {
        const taken = await takeLink<{ old_email: string }>(
          tx,
          'email_reverts',
          tokenHash,
          'old_email',
        );
        if (!taken) return { kind: 'invalid' } as const;
        const { userId, user, link } = taken;
        // Changed again since (the oldest open link wins, see recordEmailRevert): undoing still
        // restores the address this link was sent to, whatever the account signs in with now.
        await tx.query(
          `UPDATE users SET email = $2, password_hash = $3, updated_at = now() WHERE id = $1`,
          [userId, link.old_email, passwordHash],
        );
        await tx.query(`DELETE FROM email_changes WHERE user_id = $1`, [
          userId,
        ]);
        await tx.query(
          `UPDATE password_reset_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`,
          [userId],
        );
        await tx.query(
          `UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
          [userId],
        );
        return {
          kind: 'reverted',
          userId,
          name: user.name,
          email: link.old_email,
        } as const;
      });
    } catch (e) {
      if (isUniqueViolation(e)) return { kind: 'taken' };
      throw e;
    }
  }
}
