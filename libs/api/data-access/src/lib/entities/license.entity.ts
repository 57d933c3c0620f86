import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { UserEntity } from './user.entity';

/** A license a licensee holds; its cycle and deadline are derived from the rule set, never stored. */
@Entity({ name: 'licenses' })
@Check('licenses_jurisdiction_check', `jurisdiction ~ '^[A-Z]{2}$'`)
// One active license per (user, jurisdiction, type, number), compared trimmed and upper-cased: an
// expression index, created by migration 1763856000000 (TypeORM cannot declare it; it leaves it be).
@Index('licenses_active_number_key', { synchronize: false })
export class LicenseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('licenses_user_idx')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  jurisdiction!: string;

  @Column({ name: 'license_type', type: 'text' })
  licenseType!: string;

  @Column({ type: 'text' })
  number!: string;

  @Column({ name: 'issued_on', type: 'date' })
  issuedOn!: string;

  @Column({ name: 'birth_date', type: 'date', nullable: true })
  birthDate!: string | null;

  /**
   * The renewal date printed on the license, kept only where the rule set cannot tell the cycle's
   * year (a fixed date every two years with no odd/even rule: NM June 30, TN December 31).
   */
  @Column({ name: 'renews_on', type: 'date', nullable: true })
  renewsOn!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles!: string[];

  /**
   * The last day of the latest cycle the licensee says they renewed for: an ended cycle left short
   * is overdue until then (docs/API.md, "Overdue cycles"). Null: no renewal confirmed.
   */
  @Column({ name: 'renewed_through', type: 'date', nullable: true })
  renewedThrough!: string | null;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'licenses_user_fk' })
  user?: UserEntity;
}
