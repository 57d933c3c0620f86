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
import { UserEntity } from './user.entity';

/**
 * A requested change of a user's sign-in email, waiting for the link sent to the new address.
 * Only the SHA-256 of the link's token is stored. At most one per user: a newer request replaces
 * the older one, so only the latest link works.
 */
@Entity({ name: 'email_changes' })
@Check('email_changes_email_lower_check', `email = lower(email)`)
export class EmailChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('email_changes_user_key', { unique: true })
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  /** The new address, lower-cased like users.email. */
  @Column({ type: 'text' })
  email!: string;

  @Index('email_changes_token_hash_key', { unique: true })
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'user_id',
    foreignKeyConstraintName: 'email_changes_user_fk',
  })
  user?: UserEntity;
}
