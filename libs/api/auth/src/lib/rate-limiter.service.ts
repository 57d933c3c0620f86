import { Injectable } from '@nestjs/common';
import { AppError } from '@mezzo/api-core';
import { RateLimitsRepository } from '@mezzo/api-data-access';

/** Fixed-window limits kept in PostgreSQL so that every API replica sees the same counts. */
@Injectable()
export class RateLimiter {
  constructor(private readonly limits: RateLimitsRepository) {}

  /** Counts an attempt; throws 429 (with Retry-After) once `limit` attempts were made in the window. */
  async consume(
    key: string,
    limit: number,
    windowSeconds: number,
  ): Promise<void> {
    const { count, retryAfterSeconds } = await this.limits.hit(
      key,
      windowSeconds,
    );
    if (count > limit) throw AppError.rateLimited(retryAfterSeconds);
  }

  clear(key: string): Promise<void> {
    return this.limits.clear(key);
  }
}
