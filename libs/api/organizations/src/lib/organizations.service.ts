import { Injectable } from '@nestjs/common';
import { AppError } from '@mezzo/api-core';
import {
  OrganizationsRepository,
  type MembershipRow,
} from '@mezzo/api-data-access';
import type {
  MemberDto,
  MembershipRole,
  OrganizationDto,
  OrganizationKind,
  Page,
} from '@mezzo/shared-contracts';

const MANAGERS: MembershipRole[] = ['owner', 'admin'];

/**
 * Organisations and their members. A caller reaches only organisations they belong to: any other
 * id answers 404, exactly like one that does not exist. People join by invitation only
 * (InvitationsService).
 */
@Injectable()
export class OrganizationsService {
  constructor(private readonly organizations: OrganizationsRepository) {}

  async create(
    userId: string,
    name: string,
    kind: OrganizationKind,
  ): Promise<OrganizationDto> {
    return toOrganizationDto(
      await this.organizations.createWithOwner({ name, kind, ownerId: userId }),
    );
  }

  async listMine(userId: string): Promise<OrganizationDto[]> {
    return (await this.organizations.membershipsOf(userId)).map(
      toOrganizationDto,
    );
  }

  async get(userId: string, organizationId: string): Promise<OrganizationDto> {
    return toOrganizationDto(
      await this.requireMembership(userId, organizationId),
    );
  }

  async members(
    userId: string,
    organizationId: string,
    page: number,
    pageSize: number,
  ): Promise<Page<MemberDto>> {
    // Members' names and emails are for those who manage them: an association's plain members
    // (100,000+ licensees) must not be able to list one another.
    await this.requireManager(
      userId,
      organizationId,
      'Only owners and admins can see the member list',
    );
    const { items, total } = await this.organizations.members(
      organizationId,
      page,
      pageSize,
    );
    return { items: items.map(toMemberDto), total, page, pageSize };
  }

  async updateMember(
    userId: string,
    organizationId: string,
    memberId: string,
    role: MembershipRole,
  ): Promise<MemberDto> {
    const mine = await this.requireManager(userId, organizationId);
    const target = await this.requireMember(organizationId, memberId);
    if ((role === 'owner' || target.role === 'owner') && mine.role !== 'owner')
      throw AppError.forbidden(
        'Only an owner can grant or change the owner role',
      );
    if (target.role === 'owner' && role !== 'owner')
      await this.keepAnOwner(organizationId);
    await this.organizations.setRole(organizationId, memberId, role);
    return toMemberDto(await this.requireMember(organizationId, memberId));
  }

  async removeMember(
    userId: string,
    organizationId: string,
    memberId: string,
  ): Promise<void> {
    const mine = await this.requireMembership(userId, organizationId);
    const self = userId === memberId;
    // Refused before the target is looked up: a plain member learns nothing of who else belongs.
    if (!self && !MANAGERS.includes(mine.role))
      throw AppError.forbidden('Only owners and admins can remove members');
    const target = await this.requireMember(organizationId, memberId);
    if (!self && target.role === 'owner' && mine.role !== 'owner')
      throw AppError.forbidden('Only an owner can remove an owner');
    if (target.role === 'owner') await this.keepAnOwner(organizationId);
    await this.organizations.removeMember(organizationId, memberId);
  }

  private async keepAnOwner(organizationId: string): Promise<void> {
    if ((await this.organizations.countOwners(organizationId)) <= 1) {
      throw AppError.conflict(
        'An organisation needs at least one owner; make someone else owner first',
      );
    }
  }

  private async requireMembership(
    userId: string,
    organizationId: string,
  ): Promise<MembershipRow> {
    const membership = await this.organizations.membership(
      organizationId,
      userId,
    );
    if (!membership) throw AppError.notFound('Organisation');
    return membership;
  }

  /** The caller's membership if they are an owner or admin; 404 for outsiders, 403 for members. */
  async requireManager(
    userId: string,
    organizationId: string,
    refusal = 'Only owners and admins can manage members',
  ): Promise<MembershipRow> {
    const membership = await this.requireMembership(userId, organizationId);
    if (!MANAGERS.includes(membership.role)) throw AppError.forbidden(refusal);
    return membership;
  }

  private async requireMember(organizationId: string, memberId: string) {
    const member = await this.organizations.member(organizationId, memberId);
    if (!member) throw AppError.notFound('Member');
    return member;
  }
}

export function toOrganizationDto(m: MembershipRow): OrganizationDto {
  return {
    id: m.organizationId,
    name: m.organizationName,
    kind: m.kind,
    myRole: m.role,
    createdAt: new Date(m.createdAt).toISOString(),
  };
}

function toMemberDto(m: {
  userId: string;
  name: string;
  email: string;
  role: MembershipRole;
  joinedAt: Date;
}): MemberDto {
  return {
    userId: m.userId,
    name: m.name,
    email: m.email,
    role: m.role,
    joinedAt: new Date(m.joinedAt).toISOString(),
  };
}
