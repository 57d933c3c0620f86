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
import { numeric } from './numeric.transformer';
import { UserEntity } from './user.entity';

/** One completed CE activity, logged once and counted toward every license whose rules accept it. */
@Entity({ name: 'credits' })
@Index('credits_user_completed_idx', ['userId', 'completedOn'])
@Check('credits_hours_check', `hours > 0`)
@Check(
  'credits_practice_check',
  `practice_clinical >= 0 AND practice_macro >= 0 AND practice_general >= 0 AND practice_clinical + practice_macro + practice_general = hours`,
)
export class CreditEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  provider!: string | null;

  @Column({ name: 'completed_on', type: 'date' })
  completedOn!: string;

  @Column({ type: 'numeric', precision: 7, scale: 2, transformer: numeric })
  hours!: number;

  @Column({ type: 'text' })
  format!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  topics!: string[];

  @Column({
    name: 'practice_clinical',
    type: 'numeric',
    precision: 7,
    scale: 2,
    transformer: numeric,
  })
  practiceClinical!: number;

  @Column({
    name: 'practice_macro',
    type: 'numeric',
    precision: 7,
    scale: 2,
    transformer: numeric,
  })
  practiceMacro!: number;

  @Column({
    name: 'practice_general',
    type: 'numeric',
    precision: 7,
    scale: 2,
    transformer: numeric,
  })
  practiceGeneral!: number;

  @Column({
    name: 'macro_areas',
    type: 'text',
    array: true,
    default: () => "'{}'",
  })
  macroAreas!: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  approvals!: { body: string; number?: string }[];

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'credits_user_fk' })
  user?: UserEntity;
}
