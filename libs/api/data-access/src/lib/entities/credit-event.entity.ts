import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { CreditEntity } from './credit.entity';

/** Append-only history of a credit: who changed what and when (the snapshot after the change). */
@Entity({ name: 'credit_events' })
@Check(
  'credit_events_action_check',
  `action IN ('created', 'updated', 'deleted', 'restored')`,
)
export class CreditEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('credit_events_credit_idx')
  @Column({ name: 'credit_id', type: 'uuid' })
  creditId!: string;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId!: string;

  @Column({ name: 'actor_name', type: 'text' })
  actorName!: string;

  @Column({ type: 'text' })
  action!: 'created' | 'updated' | 'deleted' | 'restored';

  @Column({ type: 'jsonb' })
  snapshot!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @ManyToOne(() => CreditEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'credit_id',
    foreignKeyConstraintName: 'credit_events_credit_fk',
  })
  credit?: CreditEntity;
}
