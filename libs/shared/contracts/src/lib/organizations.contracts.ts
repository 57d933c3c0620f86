import type { MembershipRole, OrganizationKind } from './auth.contracts';

/**
 * Organisations (providers and associations) and their members. Routes under `/api`, all Bearer.
 *
 * POST   /organizations                         CreateOrganizationRequest → 201 OrganizationDto (caller becomes owner)
 * GET    /organizations                         → 200 OrganizationDto[] (the caller's)
 * GET    /organizations/:id                     → 200 OrganizationDto            404 when not a member
 * GET    /organizations/:id/members             → 200 Page<MemberDto>            (owner/admin; 403 for a plain member)
 * POST   /organizations/:id/invitations         InviteMemberRequest → 202 InvitationSentDto (owner/admin; only an owner invites an owner)
 * POST   /organizations/:id/members             deprecated alias of …/invitations (same request, same 202)
 * GET    /organizations/:id/invitations         → 200 PendingInvitationDto[] (owner/admin; open invitations)
 * DELETE /organizations/:id/invitations/:invitationId → 204 (owner/admin; only an owner withdraws an invitation to be an owner)
 *                                                404 when not an open invitation of that organisation; its link then opens nothing
 * PATCH  /organizations/:id/members/:userId     UpdateMemberRequest → 200 MemberDto (owner/admin; only an owner grants owner)
 * DELETE /organizations/:id/members/:userId     → 204 (owner/admin, or oneself; the last owner cannot leave)
 *
 * Invitations, from the invitee's side (matched by the email of the signed-in account):
 * GET    /me/invitations                        → 200 InvitationDto[] (open ones, newest first)
 * POST   /me/invitations/lookup                 InvitationLookupRequest → 200 InvitationDto (the email's link token) 404 otherwise
 * POST   /me/invitations/:id/accept             → 200 OrganizationDto (the caller is now a member)   404 when not theirs or no longer open
 * POST   /me/invitations/:id/decline            → 204                                              404 likewise
 *
 * Nobody becomes a member without accepting. An invitation answers the same 202 whatever the email,
 * so it never tells whether someone has a Mezzo account.
 */
export interface CreateOrganizationRequest {
  name: string;
  kind: OrganizationKind;
}

export interface OrganizationDto {
  id: string;
  name: string;
  kind: OrganizationKind;
  myRole: MembershipRole;
  createdAt: string;
}

export interface InviteMemberRequest {
  email: string;
  role: MembershipRole;
}

/** @deprecated `POST /organizations/:id/members` now invites; use InviteMemberRequest. */
export type AddMemberRequest = InviteMemberRequest;

/** The answer to an invitation: identical whether or not the email has an account. */
export interface InvitationSentDto {
  /** Lower-cased, as stored and matched. */
  email: string;
  role: MembershipRole;
  expiresAt: string;
}

/** An open invitation, as its invitee sees it. */
export interface InvitationDto {
  id: string;
  organizationId: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  role: MembershipRole;
  /** Null when the inviter's account no longer exists. */
  invitedByName: string | null;
  createdAt: string;
  expiresAt: string;
}

/** An open invitation, as the organisation's owners and admins see it. */
export interface PendingInvitationDto {
  /** For withdrawing it (DELETE /organizations/:id/invitations/:invitationId). */
  id: string;
  email: string;
  role: MembershipRole;
  invitedByName: string | null;
  createdAt: string;
  expiresAt: string;
}

export interface InvitationLookupRequest {
  /** The token from the invitation email's link. */
  token: string;
}

export interface UpdateMemberRequest {
  role: MembershipRole;
}

export interface MemberDto {
  userId: string;
  name: string;
  email: string;
  role: MembershipRole;
  joinedAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
