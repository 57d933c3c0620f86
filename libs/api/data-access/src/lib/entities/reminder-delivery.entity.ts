import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { LicenseEntity } from './license.entity';
import { UserEntity } from './user.entity';

export const REMINDER_KIND_VALUES = [
  'deadline-90d',
  'deadline-30d',
  'deadline-7d',
  'advocacy-missing',
  'overdue',
] as const;
export type ReminderKindValue = (typeof REMINDER_KIND_VALUES)[number];
export type ReminderDeliveryStatus = 'sending' | 'sent' | 'failed';

/**
 * One reminder email per (license, cycle end, kind), ever. The row is claimed ('sending') before the
 * email goes out and marked 'sent' after, so a retried or duplicated job never sends it twice.
 */
@Entity({ name: 'reminder_deliveries' })
@Unique('reminder_deliveries_license_cycle_kind_key', [
  'licenseId',
  'cycleEnd',
  'kind',
])
@Check(
  'reminder_deliveries_kind_check',
  `kind IN ('deadline-90d', 'deadline-30d', 'deadline-7d', 'advocacy-missing', 'overdue')`,
)
@Check(
  'reminder_deliveries_status_check',
  `status IN ('sending', 'sent', 'failed')`,
)
export class ReminderDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('reminder_deliveries_user_idx')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'license_id', type: 'uuid' })
  licenseId!: string;

  @Column({ name: 'cycle_end', type: 'date' })
  cycleEnd!: string;

  @Column({ type: 'text' })
  kind!: ReminderKindValue;

  @Column({ type: 'text' })
  status!: ReminderDeliveryStatus;

  /** How many times a send was started (a failed send is retried by the queue). */
  @Column({ type: 'integer', default: 1 })
  attempts!: number;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'user_id',
    foreignKeyConstraintName: 'reminder_deliveries_user_fk',
  })
  user?: UserEntity;

  @ManyToOne(() => LicenseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'license_id',
    foreignKeyConstraintName: 'reminder_deliveries_license_fk',
  })
  license?: LicenseEntity;
}
