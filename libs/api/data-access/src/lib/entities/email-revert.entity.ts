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
 * The "this wasn't me" link of a confirmed change of sign-in email, sent to the OLD address: it
 * sets the email back. Only the SHA-256 of the link's token is stored. At most one per user (the
 * newest change's), and it undoes only that change: the account must still sign in with
 * `newEmail` when it is used.
 */
@Entity({ name: 'email_reverts' })
@Check(
  'email_reverts_emails_lower_check',
  `old_email = lower(old_email) AND new_email = lower(new_email)`,
)
export class EmailRevertEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('email_reverts_user_key', { unique: true })
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  /** The address before the change, which the link restores (lower-cased like users.email). */
  @Column({ name: 'old_email', type: 'text' })
  oldEmail!: string;

  /** The address the change set; the link works only while the account still signs in with it. */
  @Column({ name: 'new_email', type: 'text' })
  newEmail!: string;

  @Index('email_reverts_token_hash_key', { unique: true })
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'user_id',
    foreignKeyConstraintName: 'email_reverts_user_fk',
  })
  user?: UserEntity;
}
