import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { IsNull, type Repository } from 'typeorm';
import { LicenseEntity } from '../entities';

/** Everything a license's compliance evaluation depends on besides the credits and the date. */
export interface LicenseEvaluationInputs {
  license: LicenseEntity;
  /**
   * Changes whenever any of the owner's credits is added, edited, deleted or restored: each change
   * bumps the credit's version (the sum only grows) and its updated_at, and adds or removes a live one.
   */
  creditLogFingerprint: string;
  /** The owner's advocacy floor, % of the cycle's required hours; null = the engine's default. */
  advocacyFloorPercent: number | null;
}

/**
 * One statement for the license, the credit-log fingerprint and the advocacy floor: the compliance
 * view runs it on every request to validate its cache, so it is a named (server-side prepared)
 * statement sent straight to the pool, without TypeORM's per-query work. Dates come back as text,
 * exactly as TypeORM hydrates `date` columns.
 */
const EVALUATION_INPUTS = {
  name: 'licenses.find-owned-with-evaluation-inputs',
  text: `SELECT l.id, l.user_id, l.jurisdiction, l.license_type, l.number, l.issued_on::text AS issued_on,
       l.birth_date::text AS birth_date, l.roles, l.retired_at, l.version, l.created_at, l.updated_at,
       c.live || ':' || c.versions || ':' || coalesce((extract(epoch FROM c.changed_at) * 1000000)::bigint, 0) AS fingerprint,
       s.advocacy_floor_percent::text AS floor_percent
FROM licenses l
CROSS JOIN LATERAL (
  SELECT count(*) FILTER (WHERE deleted_at IS NULL) AS live, coalesce(sum(version), 0) AS versions,
         max(updated_at) AS changed_at
  FROM credits WHERE user_id = l.user_id
) c
LEFT JOIN user_settings s ON s.user_id = l.user_id
WHERE l.id = $1 AND l.user_id = $2`,
};

interface EvaluationInputsRow {
  id: string;
  user_id: string;
  jurisdiction: string;
  license_type: string;
  number: string;
  issued_on: string;
  birth_date: string | null;
  roles: string[];
  retired_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  fingerprint: string;
  floor_percent: string | null;
}

export type LicenseFields = Pick<
  LicenseEntity,
  'jurisdiction' | 'licenseType' | 'number' | 'issuedOn' | 'birthDate' | 'roles'
>;

/** Every query names the owner, so no caller can reach another user's license. */
@Injectable()
export class LicensesRepository {
  constructor(
    @InjectRepository(LicenseEntity)
    private readonly licenses: Repository<LicenseEntity>,
  ) {}

  list(userId: string, includeRetired: boolean): Promise<LicenseEntity[]> {
    return this.licenses.find({
      where: includeRetired ? { userId } : { userId, retiredAt: IsNull() },
      order: { jurisdiction: 'ASC', licenseType: 'ASC', createdAt: 'ASC' },
    });
  }

  findOwned(userId: string, id: string): Promise<LicenseEntity | null> {
    return this.licenses.findOneBy({ id, userId });
  }

  /** The license (if the user owns it) with its evaluation inputs, in one round trip. */
  async findOwnedWithEvaluationInputs(
    userId: string,
    id: string,
  ): Promise<LicenseEvaluationInputs | null> {
    const pool = (this.licenses.manager.connection.driver as { master?: Pool })
      .master;
    if (!pool) throw new Error('The database connection is not initialised');
    const { rows } = await pool.query<EvaluationInputsRow>({
      ...EVALUATION_INPUTS,
      values: [id, userId],
    });
    const row = rows[0];
    if (!row) return null;
    const license = Object.assign(new LicenseEntity(), {
      id: row.id,
      userId: row.user_id,
      jurisdiction: row.jurisdiction,
      licenseType: row.license_type,
      number: row.number,
      issuedOn: row.issued_on,
      birthDate: row.birth_date,
      roles: row.roles,
      retiredAt: row.retired_at,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    });
    return {
      license,
      creditLogFingerprint: row.fingerprint,
      advocacyFloorPercent:
        row.floor_percent === null ? null : Number(row.floor_percent),
    };
  }

  create(userId: string, fields: LicenseFields): Promise<LicenseEntity> {
    return this.licenses.save(
      this.licenses.create({ ...fields, userId, retiredAt: null }),
    );
  }

  /**
   * Applies the change only if the row is still at `expectedVersion` (optimistic locking); the
   * version column is incremented by the same statement. Returns false when it was not.
   */
  async updateIfVersion(
    userId: string,
    id: string,
    expectedVersion: number,
    patch: Partial<LicenseFields> & { retiredAt?: Date | null },
  ): Promise<boolean> {
    const result = await this.licenses
      .createQueryBuilder()
      .update(LicenseEntity)
      .set(patch)
      .where('id = :id AND user_id = :userId AND version = :expectedVersion', {
        id,
        userId,
        expectedVersion,
      })
      .execute();
    return (result.affected ?? 0) === 1;
  }
}
