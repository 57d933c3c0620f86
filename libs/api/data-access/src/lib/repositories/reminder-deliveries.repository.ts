import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ReminderDeliveryEntity, type ReminderKindValue } from '../entities';
import { unwrapRows } from './password-reset-tokens.repository';

/** Who may get reminders, with their settings (defaults applied when they have no settings row). */
export interface ReminderRecipient {
  userId: string;
  email: string;
  name: string;
  remindDeadlines: boolean;
  remindAdvocacy: boolean;
}

export interface DeliveryKey {
  licenseId: string;
  cycleEnd: string;
  kind: ReminderKindValue;
}

/**
 * The reminder ledger. `claim` is the only way to start a send: it creates the row as 'sending', or
 * takes back a row whose earlier send failed; a row that is 'sending' or 'sent' is never claimed again.
 */
@Injectable()
export class ReminderDeliveriesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Users with an active license and at least one reminder kind on, by id after `afterUserId`. */
  async recipients(
    afterUserId: string | null,
    limit: number,
  ): Promise<ReminderRecipient[]> {
    const rows: RecipientRow[] = await this.db.query(
      `SELECT u.id AS user_id, u.email, u.name,
              COALESCE(s.remind_deadlines, true) AS remind_deadlines,
              COALESCE(s.remind_advocacy, true) AS remind_advocacy
         FROM users u
         LEFT JOIN user_settings s ON s.user_id = u.id
        WHERE ($1::uuid IS NULL OR u.id > $1::uuid)
          AND (COALESCE(s.remind_deadlines, true) OR COALESCE(s.remind_advocacy, true))
          AND EXISTS (SELECT 1 FROM licenses l WHERE l.user_id = u.id AND l.retired_at IS NULL)
        ORDER BY u.id
        LIMIT $2`,
      [afterUserId, limit],
    );
    return rows.map(toRecipient);
  }

  async recipient(userId: string): Promise<ReminderRecipient | null> {
    const rows: RecipientRow[] = await this.db.query(
      `SELECT u.id AS user_id, u.email, u.name,
              COALESCE(s.remind_deadlines, true) AS remind_deadlines,
              COALESCE(s.remind_advocacy, true) AS remind_advocacy
         FROM users u LEFT JOIN user_settings s ON s.user_id = u.id
        WHERE u.id = $1`,
      [userId],
    );
    return rows.length ? toRecipient(rows[0]) : null;
  }

  /** Deliveries already started or done for these licenses (a failed one may be tried again). */
  async settled(licenseIds: string[]): Promise<DeliveryKey[]> {
    if (!licenseIds.length) return [];
    // Also what was sent for an earlier copy of the same license (same user, jurisdiction, type and
    // number, as the licenses service compares them): retiring a license and adding it again is the
    // same deadline, not a new one to remind of.
    const rows: DeliveryKey[] = await this.db.query(
      `SELECT DISTINCT l.id AS "licenseId", to_char(d.cycle_end, 'YYYY-MM-DD') AS "cycleEnd", d.kind
         FROM licenses l
         JOIN licenses same
           ON same.user_id = l.user_id
          AND upper(btrim(same.jurisdiction)) = upper(btrim(l.jurisdiction))
          AND upper(btrim(same.license_type)) = upper(btrim(l.license_type))
          AND upper(btrim(same.number)) = upper(btrim(l.number))
         JOIN reminder_deliveries d ON d.license_id = same.id
        WHERE l.id = ANY($1::uuid[]) AND d.status IN ('sending', 'sent')`,
      [licenseIds],
    );
    return rows;
  }

  /**
   * Claims the right to send this reminder, atomically: true for exactly one caller, and only while
   * it was never sent and no other send is under way.
   */
  async claim(userId: string, key: DeliveryKey): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO reminder_deliveries (user_id, license_id, cycle_end, kind, status)
       VALUES ($1, $2, $3, $4, 'sending')
       ON CONFLICT (license_id, cycle_end, kind) DO UPDATE
         SET status = 'sending', attempts = reminder_deliveries.attempts + 1, updated_at = now()
         WHERE reminder_deliveries.status = 'failed'
       RETURNING id`,
      [userId, key.licenseId, key.cycleEnd, key.kind],
    );
    return unwrapRows(rows).length === 1;
  }

  async markSent(key: DeliveryKey): Promise<void> {
    await this.setStatus(key, 'sent');
  }

  /** The send did not happen: the row may be claimed again by the retried job. */
  async markFailed(key: DeliveryKey): Promise<void> {
    await this.setStatus(key, 'failed');
  }

  /** For tests and support: the ledger rows of one license. */
  forLicense(licenseId: string): Promise<ReminderDeliveryEntity[]> {
    return this.db
      .getRepository(ReminderDeliveryEntity)
      .find({ where: { licenseId }, order: { createdAt: 'ASC' } });
  }

  private async setStatus(
    key: DeliveryKey,
    status: 'sent' | 'failed',
  ): Promise<void> {
    await this.db.query(
      `UPDATE reminder_deliveries
          SET status = $4, sent_at = CASE WHEN $4 = 'sent' THEN now() ELSE sent_at END, updated_at = now()
        WHERE license_id = $1 AND cycle_end = $2 AND kind = $3 AND status = 'sending'`,
      [key.licenseId, key.cycleEnd, key.kind, status],
    );
  }
}

interface RecipientRow {
  user_id: string;
  email: string;
  name: string;
  remind_deadlines: boolean;
  remind_advocacy: boolean;
}

function toRecipient(r: RecipientRow): ReminderRecipient {
  return {
    userId: r.user_id,
    email: r.email,
    name: r.name,
    remindDeadlines: r.remind_deadlines,
    remindAdvocacy: r.remind_advocacy,
  };
}
