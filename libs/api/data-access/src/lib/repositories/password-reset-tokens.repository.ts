import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { PasswordResetTokenEntity } from '../entities';

@Injectable()
export class PasswordResetTokensRepository {
  constructor(
    @InjectRepository(PasswordResetTokenEntity)
    private readonly tokens: Repository<PasswordResetTokenEntity>,
  ) {}

  async insert(input: {
    userId: string;
    tokenHash: string;
    expiresAt: Date;
  }): Promise<void> {
    await this.tokens.insert({ ...input, usedAt: null });
  }

  /** Whether a token is unexpired and unused (nothing changes). */
  async isUsable(tokenHash: string): Promise<boolean> {
    return this.tokens
      .createQueryBuilder('t')
      .where('t.token_hash = :tokenHash', { tokenHash })
      .andWhere('t.used_at IS NULL')
      .andWhere('t.expires_at > now()')
      .getExists();
  }

  /** Atomically uses an unexpired, unused token; returns its user id, or null. */
  async consume(tokenHash: string): Promise<string | null> {
    const rows: { user_id: string }[] = await this.tokens.query(
      `UPDATE password_reset_tokens SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
        RETURNING user_id`,
      [tokenHash],
    );
    return unwrapRows(rows)[0]?.user_id ?? null;
  }

  /** Any other outstanding links of the user stop working once one is used. */
  async invalidateAllForUser(userId: string): Promise<void> {
    await this.tokens.query(
      `UPDATE password_reset_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`,
      [userId],
    );
  }
}

/** TypeORM's postgres driver returns `[rows, count]` for UPDATE … RETURNING. */
export function unwrapRows<T>(result: T[] | [T[], number]): T[] {
  return Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}
