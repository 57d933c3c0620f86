import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
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
      // A KeyObject, not a string: jsonwebtoken otherwise tries (and fails) to parse the string as a
      // public key on every request, which cost ~12% of the API's CPU under load.
      // passport-jwt's types predate KeyObject; jsonwebtoken 9 accepts it.
      secretOrKey: createSecretKey(
        Buffer.from(config.auth.jwtSecret, 'utf8'),
      ) as unknown as string,
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
