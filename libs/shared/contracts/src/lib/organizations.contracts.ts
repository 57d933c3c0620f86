import type { MembershipRole, OrganizationKind } from './auth.contracts';

/**
 * Organisations (providers and associations) and their members. Routes under `/api`, all Bearer.
 *
 * POST   /organizations                         CreateOrganizationRequest → 201 OrganizationDto (caller becomes owner)
 * GET    /organizations                         → 200 OrganizationDto[] (the caller's)
 * GET    /organizations/:id                     → 200 OrganizationDto            404 when not a member
 * GET    /organizations/:id/members             → 200 Page<MemberDto>            (any member)
 * POST   /organizations/:id/members             AddMemberRequest → 201 MemberDto (owner/admin; the user must exist)
 * PATCH  /organizations/:id/members/:userId     UpdateMemberRequest → 200 MemberDto (owner/admin; only an owner grants owner)
 * DELETE /organizations/:id/members/:userId     → 204 (owner/admin, or oneself; the last owner cannot leave)
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

export interface AddMemberRequest {
  email: string;
  role: MembershipRole;
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
