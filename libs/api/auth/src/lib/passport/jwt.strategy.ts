import type { RequestUser } from '@mezzo/api-core';
import { permissionsFor } from '@mezzo/shared-contracts';

/** What an access token carries: the account and whether it is a platform admin. */
export interface AccessTokenPayload {
  sub: string;
  adm: boolean;
}

/** The request's user as a verified access token describes it (stateless: any replica can tell). */
export function requestUserFrom(payload: AccessTokenPayload): RequestUser {
  const isPlatformAdmin = payload.adm === true;
  return {
    id: payload.sub,
    isPlatformAdmin,
    permissions: permissionsFor({ isPlatformAdmin }),
  };
}
