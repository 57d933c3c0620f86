import type { MembershipRow, UserEntity } from '@mezzo/api-data-access';
import type { SessionResponse, UserDto } from '@mezzo/shared-contracts';
import type { IssuedSession } from './sessions.service';

export function toUserDto(
  user: UserEntity,
  memberships: MembershipRow[],
): UserDto {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    isPlatformAdmin: user.isPlatformAdmin,
    createdAt: user.createdAt.toISOString(),
    memberships: memberships.map((m) => ({
      organizationId: m.organizationId,
      organizationName: m.organizationName,
      kind: m.kind,
      role: m.role,
    })),
  };
}

export function toSessionResponse(
  session: IssuedSession,
  memberships: MembershipRow[],
): SessionResponse {
  return {
    user: toUserDto(session.user, memberships),
    accessToken: session.accessToken,
    expiresIn: session.expiresIn,
  };
}
