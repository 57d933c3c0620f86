import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import { RefreshTokenEntity } from '../entities';

@Injectable()
export class RefreshTokensRepository {
  constructor(
    @InjectRepository(RefreshTokenEntity)
    private readonly tokens: Repository<RefreshTokenEntity>,
  ) {}

  async insert(input: {
    userId: string;
    familyId: string;
    tokenHash: string;
    expiresAt: Date;
  }): Promise<void> {
    await this.tokens.insert({ ...input, usedAt: null, revokedAt: null });
  }

  findByHash(tokenHash: string): Promise<RefreshTokenEntity | null> {
    return this.tokens.findOneBy({ tokenHash });
  }

  /**
   * Marks a token used if, and only if, it is still unused and unrevoked. Returns false when another
   * request got there first — the caller treats that as reuse.
   */
  async markUsed(id: string): Promise<boolean> {
    const result = await this.tokens.update(
      { id, usedAt: IsNull(), revokedAt: IsNull() },
      { usedAt: () => 'now()' },
    );
    return (result.affected ?? 0) === 1;
  }

  /** Whether the family (session) still has an unrevoked, unexpired token of this user. */
  async familyLive(familyId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.tokens.query(
      'SELECT 1 FROM refresh_tokens WHERE family_id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > now() LIMIT 1',
      [familyId, userId],
    );
    return rows.length > 0;
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.tokens.update(
      { familyId, revokedAt: IsNull() },
      { revokedAt: () => 'now()' },
    );
  }

  async revokeAllForUser(userId: string): Promise<void> {
    await this.tokens.update(
      { userId, revokedAt: IsNull() },
      { revokedAt: () => 'now()' },
    );
  }
}
