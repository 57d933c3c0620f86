import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import { LicenseEntity } from '../entities';

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
