import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { IsNull, type Repository } from 'typeorm';
import { LicenseEntity } from '../entities';

/** Another license of the owner in the same jurisdiction: its type and (earliest) issue date. */
export interface OtherLicense {
  licenseType: string;
  issuedOn: string;
}

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
  /**
   * The owner's other active licenses in the same jurisdiction, one per license type other than this
   * license's, by type (code-unit order) with the earliest issue date: some boards require more
   * hours of someone holding several (OK: 6 Category I hours per additional license). Which of them
   * were held on a date: `heldOn` in the licenses library.
   */
  otherLicenses: OtherLicense[];
}

/**
 * One statement for the licenses, credit-log fingerprints, advocacy floors and other licenses held of a batch of
 * (license, owner) pairs: the compliance view runs it on every request to validate its cache, so it
 * is a named (server-side prepared) statement sent straight to the pool, without TypeORM's per-query
 * work. Dates come back as text, exactly as TypeORM hydrates `date` columns.
 */
const EVALUATION_INPUTS = {
  name: 'licenses.find-owned-with-evaluation-inputs',
  text: `SELECT l.id, l.user_id, l.jurisdiction, l.license_type, l.number, l.issued_on::text AS issued_on,
       l.birth_date::text AS birth_date, l.renews_on::text AS renews_on, l.renewed_through::text AS renewed_through, l.roles, l.retired_at, l.version, l.created_at, l.updated_at,
       c.live || ':' || c.versions || ':' || coalesce((extract(epoch FROM c.changed_at) * 1000000)::bigint, 0) AS fingerprint,
       s.advocacy_floor_percent::text AS floor_percent,
       ARRAY(SELECT o.license_type || ' ' || min(o.issued_on)::text FROM licenses o
             WHERE o.user_id = l.user_id AND o.jurisdiction = l.jurisdiction AND o.license_type <> l.license_type
               AND o.retired_at IS NULL
             GROUP BY o.license_type ORDER BY o.license_type COLLATE "C") AS other_licenses
FROM unnest($1::uuid[], $2::uuid[]) AS k(id, user_id)
JOIN licenses l ON l.id = k.id AND l.user_id = k.user_id
CROSS JOIN LATERAL (
  SELECT count(*) FILTER (WHERE deleted_at IS NULL) AS live, coalesce(sum(version), 0) AS versions,
         max(updated_at) AS changed_at
  FROM credits WHERE user_id = l.user_id
) c
LEFT JOIN user_settings s ON s.user_id = l.user_id`,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Larger batches are split: one statement's arrays stay small. */
const MAX_BATCH = 256;

interface Pending {
  id: string;
  userId: string;
  waiters: {
    resolve(inputs: LicenseEvaluationInputs | null): void;
    reject(error: unknown): void;
  }[];
}

interface EvaluationInputsRow {
  id: string;
  user_id: string;
  jurisdiction: string;
  license_type: string;
  number: string;
  issued_on: string;
  birth_date: string | null;
  renews_on: string | null;
  renewed_through: string | null;
  roles: string[];
  retired_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  fingerprint: string;
  floor_percent: string | null;
  other_licenses: string[];
}

export type LicenseFields = Pick<
  LicenseEntity,
  | 'jurisdiction'
  | 'licenseType'
  | 'number'
  | 'issuedOn'
  | 'birthDate'
  | 'renewsOn'
  | 'roles'
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

  /** Lookups waiting for the next batch, by `license:owner`. */
  private pending: Map<string, Pending> | null = null;

  /**
   * The license (if the user owns it) with its evaluation inputs. Lookups made while the event loop
   * is busy are sent together in one statement at the end of its turn (never joined to a statement
   * already sent), so each answer reflects everything committed before it was asked for, and a
   * burst of requests costs one round trip instead of one each.
   */
  findOwnedWithEvaluationInputs(
    userId: string,
    id: string,
  ): Promise<LicenseEvaluationInputs | null> {
    // A malformed id matches nothing, and must not make PostgreSQL refuse the whole batch.
    if (!UUID.test(id) || !UUID.test(userId)) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      if (!this.pending) {
        this.pending = new Map();
        setImmediate(() => this.flush());
      }
      const key = `${id}:${userId}`.toLowerCase();
      let entry = this.pending.get(key);
      if (!entry) {
        entry = { id, userId, waiters: [] };
        this.pending.set(key, entry);
      }
      entry.waiters.push({ resolve, reject });
      if (this.pending.size >= MAX_BATCH) this.flush();
    });
  }

  private flush(): void {
    const batch = this.pending;
    if (!batch) return;
    this.pending = null;
    const entries = [...batch.values()];
    const pool = (this.licenses.manager.connection.driver as { master?: Pool })
      .master;
    if (!pool) {
      const error = new Error('The database connection is not initialised');
      for (const e of entries) for (const w of e.waiters) w.reject(error);
      return;
    }
    pool
      .query<EvaluationInputsRow>({
        ...EVALUATION_INPUTS,
        values: [entries.map((e) => e.id), entries.map((e) => e.userId)],
      })
      .then(
        ({ rows }) => {
          const found = new Map(rows.map((r) => [`${r.id}:${r.user_id}`, r]));
          for (const e of entries) {
            const row = found.get(`${e.id}:${e.userId}`.toLowerCase());
            // Each caller gets its own entity object.
            for (const w of e.waiters) w.resolve(row ? toInputs(row) : null);
          }
        },
        (error: unknown) => {
          for (const e of entries) for (const w of e.waiters) w.reject(error);
        },
      );
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
    patch: Partial<LicenseFields> & {
      retiredAt?: Date | null;
      renewedThrough?: string | null;
    },
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

function toInputs(row: EvaluationInputsRow): LicenseEvaluationInputs {
  const license = Object.assign(new LicenseEntity(), {
    id: row.id,
    userId: row.user_id,
    jurisdiction: row.jurisdiction,
    licenseType: row.license_type,
    number: row.number,
    issuedOn: row.issued_on,
    birthDate: row.birth_date,
    renewsOn: row.renews_on,
    renewedThrough: row.renewed_through,
    roles: [...row.roles],
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
    otherLicenses: row.other_licenses.map((entry) => {
      const at = entry.lastIndexOf(' ');
      return {
        licenseType: entry.slice(0, at),
        issuedOn: entry.slice(at + 1),
      };
    }),
  };
}
