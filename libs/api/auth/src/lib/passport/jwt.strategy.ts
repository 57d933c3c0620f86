import type { RequestUser } from '@mezzo/api-core';
import { permissionsFor } from '@mezzo/shared-contracts';

/**
 * What an access token carries: the account, whether it is a platform admin, and the session
 * (refresh-token family) it was issued from. Tokens issued before sessions were named have no `sid`.
 */
export interface AccessTokenPayload {
  sub: string;
  adm: boolean;
  sid?: string;
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
