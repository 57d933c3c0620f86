import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CertificateEntity } from '../entities';

export type CertificateFields = Pick<
  CertificateEntity,
  | 'creditId'
  | 'userId'
  | 'fileName'
  | 'mediaType'
  | 'sizeBytes'
  | 'sha256'
  | 'storageKey'
>;

/**
 * Certificate metadata. Stored bytes are shared by hash, so writing the bytes + inserting a row, and
 * deleting a row + deleting unreferenced bytes, run under a transaction-scoped advisory lock on the
 * hash: an upload can never lose its bytes to a concurrent delete of the same content.
 */
@Injectable()
export class CertificatesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  listForCredit(
    userId: string,
    creditId: string,
  ): Promise<CertificateEntity[]> {
    return this.db.getRepository(CertificateEntity).find({
      where: { userId, creditId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** The certificates of several credits of one user (audit packets). */
  listForCredits(
    userId: string,
    creditIds: string[],
  ): Promise<CertificateEntity[]> {
    if (!creditIds.length) return Promise.resolve([]);
    return this.db
      .getRepository(CertificateEntity)
      .createQueryBuilder('c')
      .where('c.user_id = :userId AND c.credit_id IN (:...creditIds)', {
        userId,
        creditIds,
      })
      .orderBy('c.created_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
  }

  findOwned(userId: string, id: string): Promise<CertificateEntity | null> {
    return this.db.getRepository(CertificateEntity).findOneBy({ id, userId });
  }

  /**
   * Runs `storeBytes` (which returns the storage key) and inserts the row, holding the hash's lock.
   * When the credit already has a certificate with these bytes (an upload of the same file that
   * committed while this one waited for the lock), that row is returned instead (`created: false`):
   * the same file twice on one credit is one certificate.
   */
  create(
    fields: Omit<CertificateFields, 'storageKey'>,
    storeBytes: () => Promise<string>,
  ): Promise<{ certificate: CertificateEntity; created: boolean }> {
    return this.db.transaction(async (tx) => {
      await lockHash(tx, fields.sha256);
      const storageKey = await storeBytes();
      const existing = await tx.findOne(CertificateEntity, {
        where: {
          userId: fields.userId,
          creditId: fields.creditId,
          sha256: fields.sha256,
        },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      if (existing) return { certificate: existing, created: false };
      const certificate = await tx.save(
        tx.create(CertificateEntity, { ...fields, storageKey }),
      );
      return { certificate, created: true };
    });
  }

  /** How many certificates each of these credits has (credits with none are absent). */
  async countByCredit(
    userId: string,
    creditIds: string[],
  ): Promise<Map<string, number>> {
    if (!creditIds.length) return new Map();
    const rows: { credit_id: string; n: number }[] = await this.db.query(
      `SELECT credit_id, count(*)::int AS n FROM certificates
        WHERE user_id = $1 AND credit_id = ANY($2::uuid[]) GROUP BY credit_id`,
      [userId, creditIds],
    );
    return new Map(rows.map((r) => [r.credit_id, r.n]));
  }

  /** Every certificate of the user, oldest first (account export and erasure). */
  listForUser(userId: string): Promise<CertificateEntity[]> {
    return this.db.getRepository(CertificateEntity).find({
      where: { userId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * Deletes the user's certificate; when it was the last row naming its hash, `dropBytes` runs inside
   * the same locked transaction. Returns false when the certificate is not the user's.
   */
  remove(
    userId: string,
    id: string,
    dropBytes: (storageKey: string) => Promise<void>,
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const row = await tx.findOneBy(CertificateEntity, { id, userId });
      if (!row) return false;
      await lockHash(tx, row.sha256);
      await tx.delete(CertificateEntity, { id: row.id });
      const others = await tx.countBy(CertificateEntity, {
        sha256: row.sha256,
      });
      if (others === 0) await dropBytes(row.storageKey);
      return true;
    });
  }
}

async function lockHash(tx: EntityManager, sha256: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
    `certificate:${sha256}`,
  ]);
}
