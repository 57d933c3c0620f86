import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AppError, IS_PUBLIC } from '@mezzo/api-core';

/** Global guard: every route needs a valid access token unless marked @Public(). */
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
    const name = (info as { name?: string } | undefined)?.name;
    const message = (info as { message?: string } | undefined)?.message ?? '';
    if (name === 'TokenExpiredError')
      throw AppError.unauthenticated(
        'token_expired',
        'The access token has expired',
      );
    if (/no auth token/i.test(message))
      throw AppError.unauthenticated(
        'unauthenticated',
        'Authentication required',
      );
    throw AppError.unauthenticated(
      'token_invalid',
      'The access token is not valid',
    );
  }
}
