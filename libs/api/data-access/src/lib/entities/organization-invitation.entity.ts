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
import type { MembershipRoleValue } from './membership.entity';
import { OrganizationEntity } from './organization.entity';
import { UserEntity } from './user.entity';

/**
 * An offer to join an organisation, addressed to an email. Nobody becomes a member until the person
 * who holds that email accepts it; only the SHA-256 of the link's token is stored. At most one
 * unanswered invitation per (organisation, email): inviting again refreshes it.
 */
@Entity({ name: 'organization_invitations' })
@Check(
  'organization_invitations_role_check',
  `role IN ('owner', 'admin', 'member')`,
)
@Check('organization_invitations_email_lower_check', `email = lower(email)`)
@Check(
  'organization_invitations_answer_check',
  `accepted_at IS NULL OR declined_at IS NULL`,
)
@Index('organization_invitations_pending_key', ['organizationId', 'email'], {
  unique: true,
  where: 'accepted_at IS NULL AND declined_at IS NULL',
})
export class OrganizationInvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  /** Stored lower-cased, like users.email, so the invitee is found by their account's email. */
  @Index('organization_invitations_email_idx')
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  role!: MembershipRoleValue;

  @Index('organization_invitations_token_hash_key', { unique: true })
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  /** Null once the inviter's account is deleted; the invitation itself still stands. */
  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  invitedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: 'declined_at', type: 'timestamptz', nullable: true })
  declinedAt!: Date | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organization_id',
    foreignKeyConstraintName: 'organization_invitations_organization_fk',
  })
  organization?: OrganizationEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'invited_by',
    foreignKeyConstraintName: 'organization_invitations_invited_by_fk',
  })
  inviter?: UserEntity | null;
}
