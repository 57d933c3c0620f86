import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { unwrapRows } from './password-reset-tokens.repository';
import {
  MembershipEntity,
  OrganizationEntity,
  UserEntity,
  type MembershipRoleValue,
  type OrganizationKindValue,
} from '../entities';

export interface MembershipRow {
  organizationId: string;
  organizationName: string;
  kind: OrganizationKindValue;
  role: MembershipRoleValue;
  createdAt: Date;
}

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: MembershipRoleValue;
  joinedAt: Date;
}

/** Who took over an organisation whose only owner left. */
export interface Heir {
  organizationName: string;
  email: string;
  name: string;
}

@Injectable()
export class OrganizationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Creates the organisation and makes its creator the owner, in one transaction. */
  createWithOwner(input: {
    name: string;
    kind: OrganizationKindValue;
    ownerId: string;
  }): Promise<MembershipRow> {
    return this.db.transaction(async (tx) => {
      const org = await tx.save(
        tx.create(OrganizationEntity, { name: input.name, kind: input.kind }),
      );
      await tx.insert(MembershipEntity, {
        organizationId: org.id,
        userId: input.ownerId,
        role: 'owner',
      });
      return {
        organizationId: org.id,
        organizationName: org.name,
        kind: org.kind,
        role: 'owner' as const,
        createdAt: org.createdAt,
      };
    });
  }

  /** The organisations a user belongs to, with their role in each. */
  async membershipsOf(userId: string): Promise<MembershipRow[]> {
    const rows = await this.db
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .innerJoin(OrganizationEntity, 'o', 'o.id = m.organization_id')
      .select([
        'o.id AS "organizationId"',
        'o.name AS "organizationName"',
        'o.kind AS kind',
        'm.role AS role',
        'o.created_at AS "createdAt"',
      ])
      .where('m.user_id = :userId', { userId })
      .orderBy('o.name', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .getRawMany<MembershipRow>();
    return rows;
  }

  async membership(
    organizationId: string,
    userId: string,
  ): Promise<MembershipRow | null> {
    const rows = await this.membershipsOf(userId);
    return rows.find((r) => r.organizationId === organizationId) ?? null;
  }

  async members(
    organizationId: string,
    page: number,
    pageSize: number,
  ): Promise<{ items: MemberRow[]; total: number }> {
    const qb = this.db
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .innerJoin(UserEntity, 'u', 'u.id = m.user_id')
      .where('m.organization_id = :organizationId', { organizationId });
    const total = await qb.getCount();
    const items = await qb
      .select([
        'u.id AS "userId"',
        'u.name AS name',
        'u.email AS email',
        'm.role AS role',
        'm.created_at AS "joinedAt"',
      ])
      .orderBy('u.name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getRawMany<MemberRow>();
    return { items, total };
  }

  async member(
    organizationId: string,
    userId: string,
  ): Promise<MemberRow | null> {
    const row = await this.db
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .innerJoin(UserEntity, 'u', 'u.id = m.user_id')
      .select([
        'u.id AS "userId"',
        'u.name AS name',
        'u.email AS email',
        'm.role AS role',
        'm.created_at AS "joinedAt"',
      ])
      .where('m.organization_id = :organizationId AND m.user_id = :userId', {
        organizationId,
        userId,
      })
      .getRawOne<MemberRow>();
    return row ?? null;
  }

  /** Returns false when the user is already a member. */
  async setRole(
    organizationId: string,
    userId: string,
    role: MembershipRoleValue,
  ): Promise<void> {
    await this.db
      .getRepository(MembershipEntity)
      .update({ organizationId, userId }, { role });
  }

  async removeMember(organizationId: string, userId: string): Promise<void> {
    await this.db
      .getRepository(MembershipEntity)
      .delete({ organizationId, userId });
  }

  countOwners(organizationId: string): Promise<number> {
    return this.db
      .getRepository(MembershipEntity)
      .countBy({ organizationId, role: 'owner' });
  }

  countMembers(organizationId: string): Promise<number> {
    return this.db.getRepository(MembershipEntity).countBy({ organizationId });
  }

  /**
   * Makes the longest-standing admin (else the longest-standing member) other than `leavingUserId`
   * an owner of every organisation `leavingUserId` is the only owner of and shares with someone.
   * Returns who took over what. One statement, so a member joining meanwhile changes nothing.
   */
  async handOverSoleOwnerships(leavingUserId: string): Promise<Heir[]> {
    const result: Heir[] | [Heir[], number] = await this.db.query(
      `WITH sole AS (
         SELECT m.organization_id FROM memberships m
          WHERE m.user_id = $1 AND m.role = 'owner'
            AND NOT EXISTS (SELECT 1 FROM memberships o
                             WHERE o.organization_id = m.organization_id
                               AND o.role = 'owner' AND o.user_id <> $1)
       ), heir AS (
         SELECT DISTINCT ON (m.organization_id) m.id
           FROM memberships m JOIN sole s ON s.organization_id = m.organization_id
          WHERE m.user_id <> $1
          ORDER BY m.organization_id, (m.role = 'admin') DESC, m.created_at, m.user_id
       )
       UPDATE memberships m SET role = 'owner'
         FROM heir, organizations org, users u
        WHERE m.id = heir.id AND org.id = m.organization_id AND u.id = m.user_id
       RETURNING org.name AS "organizationName", u.email, u.name`,
      [leavingUserId],
    );
    return unwrapRows(result);
  }

  /** Whether the account with this email (any letter case) is a member. */
  async hasMemberWithEmail(
    organizationId: string,
    email: string,
  ): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = $1 AND u.email = lower($2)`,
      [organizationId, email],
    );
    return rows.length > 0;
  }

  /**
   * Deletes every organisation whose only member is this user (its memberships and invitations
   * cascade); returns their names. The membership test is in the same statement, so someone who
   * joined a moment ago keeps the organisation alive.
   */
  async deleteWhereOnlyMember(userId: string): Promise<string[]> {
    const result: { name: string }[] | [{ name: string }[], number] =
      await this.db.query(
        `DELETE FROM organizations o
          WHERE EXISTS (SELECT 1 FROM memberships m
                         WHERE m.organization_id = o.id AND m.user_id = $1)
            AND NOT EXISTS (SELECT 1 FROM memberships m
                             WHERE m.organization_id = o.id AND m.user_id <> $1)
          RETURNING o.name`,
        [userId],
      );
    return unwrapRows(result).map((r) => r.name);
  }
}
