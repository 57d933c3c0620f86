import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AppError, IS_PUBLIC } from '@mezzo/api-core';
import type { AccessTokenFailure } from './access-token.strategy';

/**
 * Global guard: every route needs a valid access token unless marked @Public(). Authentication is
 * Passport's: the `jwt` strategy (AccessTokenStrategy) reads and checks the Bearer token.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    if (
      this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
        context.getHandler(),
        context.getClass(),
      ])
    )
      return true;
    return super.canActivate(context);
  }

  override handleRequest<TUser>(
    err: unknown,
    user: TUser,
    info: unknown,
  ): TUser {
    if (err) throw err;
    if (user) return user;
    const failure = info as Partial<AccessTokenFailure> | undefined;
    if (failure?.error instanceof AppError) throw failure.error;
    throw AppError.unauthenticated(
      'unauthenticated',
      'Authentication required',
    );
  }
}
