import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** Fixed-window attempt counters, shared by every API replica (kept in PostgreSQL, not memory). */
@Entity({ name: 'rate_limits' })
@Check('rate_limits_count_check', `count >= 0`)
export class RateLimitEntity {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ name: 'window_start', type: 'timestamptz' })
  windowStart!: Date;

  @Column({ type: 'integer' })
  count!: number;
}
