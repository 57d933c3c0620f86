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
   * statement (correct across API replicas). `windowStart` identifies the window the attempt
   * landed in (exact, as PostgreSQL text), so that `refund` can give back exactly this hit.
   */
  async hit(
    key: string,
    windowSeconds: number,
  ): Promise<{
    count: number;
    retryAfterSeconds: number;
    windowStart: string;
  }> {
    const rows: { count: number; retry_after: number; window_start: string }[] =
      await this.limits.query(
        `INSERT INTO rate_limits (key, window_start, count) VALUES ($1, now(), 1)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN rate_limits.window_start <= now() - make_interval(secs => $2) THEN 1 ELSE rate_limits.count + 1 END,
         window_start = CASE WHEN rate_limits.window_start <= now() - make_interval(secs => $2) THEN now() ELSE rate_limits.window_start END
       RETURNING count, GREATEST(1, CEIL(EXTRACT(EPOCH FROM (window_start + make_interval(secs => $2) - now()))))::int AS retry_after, window_start::text AS window_start`,
        [key, windowSeconds],
      );
    const row = unwrapRows(rows)[0];
    return {
      count: Number(row.count),
      retryAfterSeconds: Number(row.retry_after),
      windowStart: row.window_start,
    };
  }

  /**
   * Gives back one attempt counted by `hit`, atomically, but only while the same window is still
   * current: after the window has started over, the new count belongs to other attempts.
   */
  async refund(key: string, windowStart: string): Promise<void> {
    await this.limits.query(
      `UPDATE rate_limits SET count = count - 1
       WHERE key = $1 AND window_start = $2::timestamptz AND count > 0`,
      [key, windowStart],
    );
  }

  async clear(key: string): Promise<void> {
    await this.limits.delete({ key });
  }
}
