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
import { UserEntity } from './user.entity';

/**
 * A certificate file attached to a credit. The bytes live in content-addressed storage under their
 * SHA-256, so two rows may share one stored file; a row is the licensee's claim on it.
 */
@Entity({ name: 'certificates' })
@Check('certificates_size_check', `size_bytes > 0`)
@Check('certificates_sha256_check', `sha256 ~ '^[0-9a-f]{64}$'`)
@Check(
  'certificates_media_type_check',
  `media_type IN ('application/pdf', 'image/png', 'image/jpeg')`,
)
@Check('certificates_file_name_check', `char_length(file_name) <= 200`)
export class CertificateEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('certificates_credit_idx')
  @Column({ name: 'credit_id', type: 'uuid' })
  creditId!: string;

  @Index('certificates_user_idx')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ name: 'media_type', type: 'text' })
  mediaType!: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  /** Lower-case hex; also the content address of the stored bytes. */
  @Index('certificates_sha256_idx')
  @Column({ type: 'text' })
  sha256!: string;

  @Column({ name: 'storage_key', type: 'text' })
  storageKey!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => CreditEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'credit_id',
    foreignKeyConstraintName: 'certificates_credit_fk',
  })
  credit?: CreditEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'user_id',
    foreignKeyConstraintName: 'certificates_user_fk',
  })
  user?: UserEntity;
}
