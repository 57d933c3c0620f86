import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateOrganizationRequest,
  InvitationSentDto,
  InviteMemberRequest,
  MemberDto,
  MembershipRole,
  OrganizationDto,
  Page,
  PendingInvitationDto,
} from '@mezzo/shared-contracts';
import type { Observable } from 'rxjs';

const BASE = '/api/organizations';
const seg = encodeURIComponent;

/** The organisations I belong to, and for their owners and admins: members and invitations. */
@Injectable({ providedIn: 'root' })
export class OrganizationsApi {
  private readonly http = inject(HttpClient);

  mine(): Observable<OrganizationDto[]> {
    return this.http.get<OrganizationDto[]>(BASE);
  }

  get(id: string): Observable<OrganizationDto> {
    return this.http.get<OrganizationDto>(`${BASE}/${seg(id)}`);
  }

  /** The caller becomes its owner. */
  create(body: CreateOrganizationRequest): Observable<OrganizationDto> {
    return this.http.post<OrganizationDto>(BASE, body);
  }

  /** Owners and admins only (403 for a plain member). */
  members(
    id: string,
    page: number,
    pageSize: number,
  ): Observable<Page<MemberDto>> {
    return this.http.get<Page<MemberDto>>(`${BASE}/${seg(id)}/members`, {
      params: { page, pageSize },
    });
  }

  setRole(
    id: string,
    userId: string,
    role: MembershipRole,
  ): Observable<MemberDto> {
    return this.http.patch<MemberDto>(
      `${BASE}/${seg(id)}/members/${seg(userId)}`,
      { role },
    );
  }

  /** Removes a member, or (with my own id) leaves the organisation. */
  removeMember(id: string, userId: string): Observable<void> {
    return this.http.delete<void>(`${BASE}/${seg(id)}/members/${seg(userId)}`);
  }

  invitations(id: string): Observable<PendingInvitationDto[]> {
    return this.http.get<PendingInvitationDto[]>(
      `${BASE}/${seg(id)}/invitations`,
    );
  }

  /** 202 whatever the address: the answer never tells whether it has an account. */
  invite(id: string, body: InviteMemberRequest): Observable<InvitationSentDto> {
    return this.http.post<InvitationSentDto>(
      `${BASE}/${seg(id)}/invitations`,
      body,
    );
  }

  withdraw(id: string, invitationId: string): Observable<void> {
    return this.http.delete<void>(
      `${BASE}/${seg(id)}/invitations/${seg(invitationId)}`,
    );
  }
}
