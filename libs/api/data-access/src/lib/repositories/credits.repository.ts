import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, Not, type DataSource, type EntityManager } from 'typeorm';
import { CreditEntity, CreditEventEntity } from '../entities';

export type CreditFields = Pick<
  CreditEntity,
  | 'title'
  | 'provider'
  | 'completedOn'
  | 'hours'
  | 'format'
  | 'topics'
  | 'practiceClinical'
  | 'practiceMacro'
  | 'practiceGeneral'
  | 'macroAreas'
  | 'approvals'
>;

export type CreditAction = CreditEventEntity['action'];
export interface Actor {
  id: string;
  name: string;
}

/**
 * The credit log. Every change writes its history event in the same transaction, so the history can
 * never disagree with the credit; every query names the owner.
 */
@Injectable()
export class CreditsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async page(
    userId: string,
    deleted: boolean,
    page: number,
    pageSize: number,
  ): Promise<{ items: CreditEntity[]; total: number }> {
    const [items, total] = await this.db
      .getRepository(CreditEntity)
      .findAndCount({
        where: { userId, deletedAt: deleted ? Not(IsNull()) : IsNull() },
        order: { completedOn: 'DESC', createdAt: 'DESC', id: 'ASC' },
        skip: (page - 1) * pageSize,
        take: pageSize,
      });
    return { items, total };
  }

  /** Every live credit of a user (the input of evaluation and exports). */
  live(userId: string): Promise<CreditEntity[]> {
    return this.db.getRepository(CreditEntity).find({
      where: { userId, deletedAt: IsNull() },
      order: { completedOn: 'ASC', id: 'ASC' },
    });
  }

  /**
   * A cheap fingerprint of a user's credit log that changes whenever any credit is added, edited,
   * deleted or restored (each change bumps a version and updated_at): a cache key for evaluations.
   */
  async fingerprint(userId: string): Promise<string> {
    const rows: { n: number; v: string | null; at: Date | null }[] =
      await this.db.query(
        `SELECT count(*) FILTER (WHERE deleted_at IS NULL)::int AS n, sum(version)::text AS v, max(updated_at) AS at
         FROM credits WHERE user_id = $1`,
        [userId],
      );
    const row = rows[0];
    return `${row?.n ?? 0}:${row?.v ?? 0}:${row?.at ? new Date(row.at).getTime() : 0}`;
  }

  /** Every credit of a user, deleted ones included, with the whole history (for data export). */
  async everything(
    userId: string,
  ): Promise<{ credits: CreditEntity[]; events: CreditEventEntity[] }> {
    const credits = await this.db
      .getRepository(CreditEntity)
      .find({ where: { userId }, order: { completedOn: 'ASC', id: 'ASC' } });
    const events = credits.length
      ? await this.db
          .getRepository(CreditEventEntity)
          .createQueryBuilder('e')
          .where('e.credit_id IN (:...ids)', { ids: credits.map((c) => c.id) })
          .orderBy('e.at', 'ASC')
          .addOrderBy('e.id', 'ASC')
          .getMany()
      : [];
    return { credits, events };
  }

  findOwned(userId: string, id: string): Promise<CreditEntity | null> {
    return this.db.getRepository(CreditEntity).findOneBy({ id, userId });
  }

  create(
    userId: string,
    fields: CreditFields,
    actor: Actor,
  ): Promise<CreditEntity> {
    return this.db.transaction(async (tx) => {
      const credit = await tx.save(
        tx.create(CreditEntity, { ...fields, userId, deletedAt: null }),
      );
      await this.record(tx, credit, 'created', actor);
      return credit;
    });
  }

  /**
   * Adds the credits of `list` whose `keyOf` matches no live credit of the user (nor an earlier one
   * of the list), in one transaction, and returns how many it added. A per-user advisory lock holds
   * the check and the inserts together: the same file sent twice at once adds its credits once.
   */
  createManyUnlessPresent(
    userId: string,
    list: CreditFields[],
    actor: Actor,
    keyOf: (
      c: Pick<CreditFields, 'title' | 'completedOn' | 'hours' | 'provider'>,
    ) => string,
  ): Promise<number> {
    return this.db.transaction(async (tx) => {
      await tx.query(
        `SELECT pg_advisory_xact_lock(hashtext('credits:import'), hashtext($1))`,
        [userId],
      );
      const live = await tx
        .getRepository(CreditEntity)
        .find({ where: { userId, deletedAt: IsNull() } });
      const seen = new Set(live.map(keyOf));
      let added = 0;
      for (const fields of list) {
        const key = keyOf(fields);
        if (seen.has(key)) continue;
        seen.add(key);
        const credit = await tx.save(
          tx.create(CreditEntity, { ...fields, userId, deletedAt: null }),
        );
        await this.record(tx, credit, 'created', actor);
        added += 1;
      }
      return added;
    });
  }

  /**
   * Changes the credit only if it is still at `expectedVersion`; returns the new state, or null when
   * the version was stale (or the credit is not the user's).
   */
  change(
    userId: string,
    id: string,
    expectedVersion: number | null,
    patch: Partial<CreditFields> & { deletedAt?: Date | null },
    action: CreditAction,
    actor: Actor,
  ): Promise<CreditEntity | null> {
    return this.db.transaction(async (tx) => {
      const qb = tx
        .createQueryBuilder()
        .update(CreditEntity)
        .set(patch)
        .where('id = :id AND user_id = :userId', { id, userId });
      if (expectedVersion !== null)
        qb.andWhere('version = :expectedVersion', { expectedVersion });
      const result = await qb.execute();
      if ((result.affected ?? 0) !== 1) return null;
      const credit = await tx.findOneByOrFail(CreditEntity, { id });
      await this.record(tx, credit, action, actor);
      return credit;
    });
  }

  history(creditId: string): Promise<CreditEventEntity[]> {
    return this.db
      .getRepository(CreditEventEntity)
      .find({ where: { creditId }, order: { at: 'ASC', id: 'ASC' } });
  }

  private async record(
    tx: EntityManager,
    credit: CreditEntity,
    action: CreditAction,
    actor: Actor,
  ): Promise<void> {
    const {
      user: _user,
      createdAt: _c,
      updatedAt: _u,
      userId: _owner,
      ...snapshot
    } = credit;
    const event = tx.create(CreditEventEntity, {
      creditId: credit.id,
      actorId: actor.id,
      actorName: actor.name,
      action,
      snapshot: { ...snapshot },
    });
    await tx.save(event);
  }
}
