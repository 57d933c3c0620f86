import { CreditEventEntity } from './credit-event.entity';
import { CreditEntity } from './credit.entity';
import { LicenseEntity } from './license.entity';
import { MembershipEntity } from './membership.entity';
import { OrganizationEntity } from './organization.entity';
import { PasswordResetTokenEntity } from './password-reset-token.entity';
import { RateLimitEntity } from './rate-limit.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { UserEntity } from './user.entity';
import { CertificateEntity } from './certificate.entity';
import { UserSettingsEntity } from './user-settings.entity';
import { ReminderDeliveryEntity } from './reminder-delivery.entity';
import { OrganizationInvitationEntity } from './organization-invitation.entity';
import { EmailChangeEntity } from './email-change.entity';
import { EmailRevertEntity } from './email-revert.entity';

export {
  CreditEntity,
  CreditEventEntity,
  LicenseEntity,
  MembershipEntity,
  OrganizationEntity,
  PasswordResetTokenEntity,
  RateLimitEntity,
  RefreshTokenEntity,
  UserEntity,
};
export { CertificateEntity };
export { UserSettingsEntity, ReminderDeliveryEntity };
export { OrganizationInvitationEntity };
export { EmailChangeEntity, EmailRevertEntity };
export { REMINDER_KIND_VALUES } from './reminder-delivery.entity';
export type {
  ReminderKindValue,
  ReminderDeliveryStatus,
} from './reminder-delivery.entity';
export type { MembershipRoleValue } from './membership.entity';
export type { OrganizationKindValue } from './organization.entity';

/** Every entity, listed as classes (not globs) so the webpack bundle finds them. */
export const ENTITIES = [
  UserEntity,
  OrganizationEntity,
  MembershipEntity,
  RefreshTokenEntity,
  PasswordResetTokenEntity,
  RateLimitEntity,
  LicenseEntity,
  CreditEntity,
  CreditEventEntity,
  CertificateEntity,
  UserSettingsEntity,
  ReminderDeliveryEntity,
  OrganizationInvitationEntity,
  EmailChangeEntity,
  EmailRevertEntity,
];
