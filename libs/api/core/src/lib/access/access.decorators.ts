import {
  SetMetadata,
  createParamDecorator,
  type ExecutionContext,
} from '@nestjs/common';
import type { Permission } from '@mezzo/shared-contracts';

export const IS_PUBLIC = 'mezzo:isPublic';
export const PERMISSIONS_KEY = 'mezzo:permissions';

/** The route is open to anyone (the global guard denies every other route without a valid token). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The route needs a signed-in user holding every listed permission. */
export const RequirePermission = (...permissions: Permission[]) =>
  SetMetadata(PERMISSIONS_KEY, permissions);

/** The route is open to any signed-in user (no permission beyond being signed in). */
export const Authenticated = () => SetMetadata(PERMISSIONS_KEY, []);

/** Who is calling, as established by the authentication guard. */
export interface RequestUser {
  id: string;
  isPlatformAdmin: boolean;
  permissions: Permission[];
}

export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): RequestUser => {
    const user = ctx.switchToHttp().getRequest<{ user?: RequestUser }>().user;
    if (!user)
      throw new Error('CurrentUser used on a route without authentication');
    return user;
  },
);
