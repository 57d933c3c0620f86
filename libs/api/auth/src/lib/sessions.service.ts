import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@mezzo/api-config';
import { AppError } from '@mezzo/api-core';
import {
  RefreshTokensRepository,
  UsersRepository,
  type UserEntity,
} from '@mezzo/api-data-access';
import { randomUUID } from 'node:crypto';
import type { AccessTokenPayload } from './passport/jwt.strategy';
import { SessionStatus } from './passport/session-status';
import { newToken, sha256 } from './secrets';

export interface IssuedSession {
  user: UserEntity;
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
}

/**
 * Access tokens are short-lived JWTs; refresh tokens are random, stored hashed, rotated on every
 * use and grouped in families. Presenting an already-rotated token revokes its whole family.
 * An access token names its family (`sid`): once the family is revoked, the token is refused too
 * (`SessionStatus`).
 */
@Injectable()
export class SessionsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly tokens: RefreshTokensRepository,
    private readonly users: UsersRepository,
    private readonly status: SessionStatus,
  ) {}

  /** Starts a new family (sign-in, registration, password change). */
  start(user: UserEntity): Promise<IssuedSession> {
    return this.issue(user, randomUUID());
  }

  async refresh(refreshToken: string | undefined): Promise<IssuedSession> {
    if (!refreshToken)
      throw AppError.unauthenticated('token_invalid', 'No session to refresh');
    const stored = await this.tokens.findByHash(sha256(refreshToken));
    if (
      !stored ||
      stored.revokedAt ||
      stored.expiresAt.getTime() <= Date.now()
    ) {
      throw AppError.unauthenticated(
        'token_invalid',
        'The session is not valid',
      );
    }
    if (stored.usedAt || !(await this.tokens.markUsed(stored.id))) {
      await this.tokens.revokeFamily(stored.familyId);
      this.status.ended(stored.familyId, stored.userId);
      throw AppError.unauthenticated(
        'refresh_reused',
        'This session was already refreshed; all its tokens are revoked',
      );
    }
    const user = await this.users.findById(stored.userId);
    if (!user)
      throw AppError.unauthenticated(
        'token_invalid',
        'The session is not valid',
      );
    return this.issue(user, stored.familyId);
  }

  /** Ends the session the cookie belongs to (its whole family). Unknown tokens are ignored. */
  async end(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    const stored = await this.tokens.findByHash(sha256(refreshToken));
    if (stored) {
      await this.tokens.revokeFamily(stored.familyId);
      this.status.ended(stored.familyId, stored.userId);
    }
  }

  async endAll(userId: string): Promise<void> {
    await this.tokens.revokeAllForUser(userId);
    this.status.endedForUser(userId);
  }

  private async issue(
    user: UserEntity,
    familyId: string,
  ): Promise<IssuedSession> {
    const payload: AccessTokenPayload = {
      sub: user.id,
      adm: user.isPlatformAdmin,
      sid: familyId,
    };
    const expiresIn = this.config.auth.accessTokenTtlSeconds;
    const accessToken = await this.jwt.signAsync(payload, {
      expiresIn,
      algorithm: 'HS256',
    });
    const refreshToken = newToken();
    const refreshExpiresAt = new Date(
      Date.now() + this.config.auth.refreshTokenTtlDays * 86_400_000,
    );
    await this.tokens.insert({
      userId: user.id,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: refreshExpiresAt,
    });
    return { user, accessToken, expiresIn, refreshToken, refreshExpiresAt };
  }
}
