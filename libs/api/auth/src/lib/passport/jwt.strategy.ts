import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { APP_CONFIG, type AppConfig } from '@mezzo/api-config';
import type { RequestUser } from '@mezzo/api-core';
import { permissionsFor } from '@mezzo/shared-contracts';
import { ExtractJwt, Strategy } from 'passport-jwt';

export interface AccessTokenPayload {
  sub: string;
  adm: boolean;
}

/** Validates the Bearer access token; stateless, so any replica can check it. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.auth.jwtSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  validate(payload: AccessTokenPayload): RequestUser {
    return {
      id: payload.sub,
      isPlatformAdmin: payload.adm === true,
      permissions: permissionsFor({ isPlatformAdmin: payload.adm === true }),
    };
  }
}
