import {
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Permission } from '@mezzo/shared-contracts';
import { AppError } from '../errors/app-error';
import {
  IS_PUBLIC,
  PERMISSIONS_KEY,
  type RequestUser,
} from './access.decorators';

/**
 * Runs after authentication. A non-public route must declare its permissions (or @Authenticated());
 * a route that declares nothing is refused, so forgetting a check fails closed.
 */
@Injectable()
export class PermissionsGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets))
      return true;
    const required = this.reflector.getAllAndOverride<Permission[] | undefined>(
      PERMISSIONS_KEY,
      targets,
    );
    if (required === undefined)
      throw AppError.forbidden('This route declares no access rule');
    const user = context
      .switchToHttp()
      .getRequest<{ user?: RequestUser }>().user;
    if (!user) throw AppError.unauthenticated();
    if (!required.every((p) => user.permissions.includes(p)))
      throw AppError.forbidden();
    return true;
  }
}
