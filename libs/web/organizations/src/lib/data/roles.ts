import type {
  MemberDto,
  MembershipRole,
  OrganizationKind,
  PendingInvitationDto,
} from '@mezzo/shared-contracts';
import { apiError, errorMessage } from '@mezzo/web-core';

/**
 * Who may do what in an organisation, as OrganizationsService and InvitationsService in the API
 * decide it. The page offers only what the API would allow; the API still checks every call (and
 * its refusal is shown if the page's picture was stale).
 */
export const ROLE_LABELS: Readonly<Record<MembershipRole, string>> = {
  owner: 'Owner',
  admin: 'Admin',
  member: 'Member',
};

/** What each role may do, said next to the role pickers. */
export const ROLE_HINTS: Readonly<Record<MembershipRole, string>> = {
  owner: 'manages members and invitations, and can make others owners',
  admin: 'manages members and invitations, except owners',
  member: 'belongs to the organisation; does not see the member list',
};

export const KIND_LABELS: Readonly<Record<OrganizationKind, string>> = {
  provider: 'CE provider',
  association: 'Association',
};

export const ROLE_CODES = Object.keys(ROLE_LABELS) as MembershipRole[];
export const KIND_CODES = Object.keys(KIND_LABELS) as OrganizationKind[];

/** Owners and admins see the members and invitations, invite, change roles and remove. */
export function isManager(myRole: MembershipRole): boolean {
  return myRole === 'owner' || myRole === 'admin';
}

/** The roles I may hand out: only an owner grants owner (invitations and role changes alike). */
export function grantableRoles(myRole: MembershipRole): MembershipRole[] {
  if (!isManager(myRole)) return [];
  return myRole === 'owner' ? ROLE_CODES : ['admin', 'member'];
}

/** Only an owner changes an owner's role; a manager changes anyone else's. */
export function canChangeRole(
  myRole: MembershipRole,
  member: MemberDto,
): boolean {
  if (!isManager(myRole)) return false;
  return member.role !== 'owner' || myRole === 'owner';
}

/**
 * Removing someone else: managers, and an owner only by an owner. One's own membership is left
 * with "Leave", open to everyone.
 */
export function canRemove(
  myRole: MembershipRole,
  myUserId: string | undefined,
  member: MemberDto,
): boolean {
  if (!isManager(myRole) || member.userId === myUserId) return false;
  return member.role !== 'owner' || myRole === 'owner';
}

/** Only an owner withdraws an invitation to be an owner (only an owner could send it). */
export function canWithdraw(
  myRole: MembershipRole,
  invitation: PendingInvitationDto,
): boolean {
  if (!isManager(myRole)) return false;
  return invitation.role !== 'owner' || myRole === 'owner';
}

/**
 * The sentence to show when an action on members or invitations fails. The API's own message for a
 * refusal (403) or a rule (409: "An organisation needs at least one owner…") says exactly what to
 * do, where the generic 409 text ("someone else changed this") would mislead.
 */
export function refusalMessage(err: unknown): string {
  const body = apiError(err);
  if (body && (body.code === 'forbidden' || body.code === 'conflict'))
    return body.message.endsWith('.') ? body.message : `${body.message}.`;
  return errorMessage(err);
}
