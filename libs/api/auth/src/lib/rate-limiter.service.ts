import { Injectable } from '@nestjs/common';
import { AppError } from '@mezzo/api-core';
import { RateLimitsRepository } from '@mezzo/api-data-access';

/** One attempt counted by `RateLimiter.consume`, which `RateLimiter.refund` can give back. */
export interface RateLimitHit {
  readonly key: string;
  readonly windowStart: string;
}

/** Fixed-window limits kept in PostgreSQL so that every API replica sees the same counts. */
@Injectable()
export class RateLimiter {
  constructor(private readonly limits: RateLimitsRepository) {}

  /**
   * Counts an attempt; throws 429 (with Retry-After) once `limit` attempts were made in the window.
   * The count is taken atomically before the caller does the work, so a burst of concurrent
   * attempts cannot get more than `limit` through.
   */
  async consume(
    key: string,
    limit: number,
    windowSeconds: number,
  ): Promise<RateLimitHit> {
    const { count, retryAfterSeconds, windowStart } = await this.limits.hit(
      key,
      windowSeconds,
    );
    if (count > limit) throw AppError.rateLimited(retryAfterSeconds);
    return { key, windowStart };
  }

  /**
   * Gives back an attempt that turned out not to count (e.g. a successful sign-in), so the limit
   * bounds only failures. Unlike `clear`, the other attempts in the window still count.
   */
  refund(hit: RateLimitHit): Promise<void> {
    return this.limits.refund(hit.key, hit.windowStart);
  }

  /**
   * Counts an attempt under `key` (429 once `limit` were counted in the window), runs it, and gives
   * the count back unless `failed(result)`: the limit then bounds failures only (dead one-time
   * links), so people opening real links from one office address never use it up.
   */
  async failuresOnly<T>(
    key: string,
    limit: number,
    windowSeconds: number,
    attempt: () => Promise<T>,
    failed: (result: T) => boolean,
  ): Promise<T> {
    const hit = await this.consume(key, limit, windowSeconds);
    const result = await attempt();
    if (!failed(result)) await this.refund(hit);
    return result;
  }

  clear(key: string): Promise<void> {
    return this.limits.clear(key);
  }
}
