import {
  Inject,
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@mezzo/api-config';
import { AppError, IS_PUBLIC, type RequestUser } from '@mezzo/api-core';
import { createSecretKey, type KeyObject } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { requestUserFrom, type AccessTokenPayload } from './jwt.strategy';

/** `Authorization: Bearer <token>` (scheme in any letter case), as passport-jwt read it. */
const BEARER = /^\s*bearer\s+(\S+)\s*$/i;

/** Tokens whose signature was checked, kept until they expire (oldest dropped beyond this). */
const VERIFIED_CAPACITY = 10_000;

type VerifiedPayload = AccessTokenPayload & { exp: number };

/**
 * Global guard: every route needs a valid access token unless marked @Public(). Verifies the HS256
 * token itself (jsonwebtoken through JwtService) rather than through passport, whose per-request
 * strategy set-up cost more than the check.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  /**
   * A KeyObject, not a string: jsonwebtoken otherwise tries (and fails) to parse the string as a
   * public key on every request, which cost ~12% of the API's CPU under load.
   */
  private readonly key: KeyObject;
  /**
   * A client sends the same access token with every request until it expires: its signature is
   * checked once, and the exact token string is then known good until `exp` (checked on each use).
   * Access tokens are stateless anyway, so this changes nothing about what is accepted.
   */
  private readonly verified = new Map<string, VerifiedPayload>();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8'));
  }

  canActivate(context: ExecutionContext): boolean {
    if (
      this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
        context.getHandler(),
        context.getClass(),
      ])
    )
      return true;
    const req = context
      .switchToHttp()
      .getRequest<{ headers: IncomingHttpHeaders; user?: RequestUser }>();
    const token = BEARER.exec(req.headers.authorization ?? '')?.[1];
    if (!token)
      throw AppError.unauthenticated(
        'unauthenticated',
        'Authentication required',
      );
    req.user = requestUserFrom(this.verify(token));
    return true;
  }

  private verify(token: string): AccessTokenPayload {
    const known = this.verified.get(token);
    if (known) {
      if (Date.now() < known.exp * 1000) return known;
      this.verified.delete(token);
    }
    let payload: Partial<VerifiedPayload>;
    try {
      payload = this.jwt.verify<AccessTokenPayload>(token, {
        // jsonwebtoken 9 accepts a KeyObject; @nestjs/jwt's types predate it.
        secret: this.key as unknown as string,
        algorithms: ['HS256'],
      });
    } catch (e) {
      if (e instanceof TokenExpiredError)
        throw AppError.unauthenticated(
          'token_expired',
          'The access token has expired',
        );
      throw invalid();
    }
    if (typeof payload.sub !== 'string' || !payload.sub) throw invalid();
    if (typeof payload.exp === 'number') {
      if (this.verified.size >= VERIFIED_CAPACITY) {
        const oldest = this.verified.keys().next().value;
        if (oldest !== undefined) this.verified.delete(oldest);
      }
      this.verified.set(token, payload as VerifiedPayload);
    }
    return payload as AccessTokenPayload;
  }
}

function invalid(): AppError {
  return AppError.unauthenticated(
    'token_invalid',
    'The access token is not valid',
  );
}
