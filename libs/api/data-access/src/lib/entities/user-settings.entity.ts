import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { numeric } from './numeric.transformer';
import { UserEntity } from './user.entity';

/** A licensee's notification settings; a user without a row has the defaults. */
@Entity({ name: 'user_settings' })
@Check(
  'user_settings_floor_check',
  `advocacy_floor_percent IS NULL OR (advocacy_floor_percent >= 0 AND advocacy_floor_percent <= 100)`,
)
export class UserSettingsEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  /** Null: the default floor (10% of the cycle's required hours). */
  @Column({
    name: 'advocacy_floor_percent',
    type: 'numeric',
    precision: 5,
    scale: 2,
    nullable: true,
    transformer: numeric,
  })
  advocacyFloorPercent!: number | null;

  @Column({ name: 'remind_deadlines', type: 'boolean', default: true })
  remindDeadlines!: boolean;

  @Column({ name: 'remind_advocacy', type: 'boolean', default: true })
  remindAdvocacy!: boolean;

  /** SHA-256 of the calendar feed token; the token itself is never stored. Null: no feed. */
  @Index('user_settings_calendar_token_key', { unique: true })
  @Column({ name: 'calendar_token_hash', type: 'text', nullable: true })
  calendarTokenHash!: string | null;

  @Column({
    name: 'calendar_token_created_at',
    type: 'timestamptz',
    nullable: true,
  })
  calendarTokenCreatedAt!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'user_id',
    foreignKeyConstraintName: 'user_settings_user_fk',
  })
  user?: UserEntity;
}
