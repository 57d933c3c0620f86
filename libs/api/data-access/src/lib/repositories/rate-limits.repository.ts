import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { RateLimitEntity } from '../entities';
import { unwrapRows } from './password-reset-tokens.repository';

@Injectable()
export class RateLimitsRepository {
  constructor(
    @InjectRepository(RateLimitEntity)
    private readonly limits: Repository<RateLimitEntity>,
  ) {}

  /**
   * Counts one attempt against `key` in a fixed window and returns the count so far, in one atomic
   * statement (correct across API replicas).
   */
  async hit(
    key: string,
    windowSeconds: number,
  ): Promise<{ count: number; retryAfterSeconds: number }> {
    const rows: { count: number; retry_after: number }[] =
      await this.limits.query(
        `INSERT INTO rate_limits (key, window_start, count) VALUES ($1, now(), 1)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN rate_limits.window_start <= now() - make_interval(secs => $2) THEN 1 ELSE rate_limits.count + 1 END,
         window_start = CASE WHEN rate_limits.window_start <= now() - make_interval(secs => $2) THEN now() ELSE rate_limits.window_start END
       RETURNING count, GREATEST(1, CEIL(EXTRACT(EPOCH FROM (window_start + make_interval(secs => $2) - now()))))::int AS retry_after`,
        [key, windowSeconds],
      );
    const row = unwrapRows(rows)[0];
    return {
      count: Number(row.count),
      retryAfterSeconds: Number(row.retry_after),
    };
  }

  async clear(key: string): Promise<void> {
    await this.limits.delete({ key });
  }
}
