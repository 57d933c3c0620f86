import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '@mezzo/api-config';
import { AppError, type RequestUser } from '@mezzo/api-core';
import { PERMISSIONS } from '@mezzo/shared-contracts';
import type { Request } from 'express';
import {
  AccessTokenStrategy,
  type AccessTokenFailure,
} from './access-token.strategy';
import { AccessTokenVerifier } from './access-token.verifier';
import { SESSION_RECHECK_MS, SessionStatus } from './session-status';
import type { RefreshTokensRepository } from '@mezzo/api-data-access';

const secret = 'guard-test-secret-0123456789-0123456789-abcdef';
const jwt = new JwtService({ secret, signOptions: { algorithm: 'HS256' } });
/**
 * Sessions as the database would answer (the real query is covered by auth.integration-spec.ts):
 * live unless listed in `endedSessions`; `lookups` counts the questions asked.
 */
const endedSessions = new Set<string>();
let lookups = 0;
const sessions = new SessionStatus({
  familyLive: async (familyId: string) => {
    lookups += 1;
    return !endedSessions.has(familyId);
  },
} as unknown as RefreshTokensRepository);
const strategy = new AccessTokenStrategy(
  new AccessTokenVerifier(jwt, { auth: { jwtSecret: secret } } as AppConfig),
  sessions,
);

/**
 * Runs the strategy as Passport does: on an object inheriting from it, with `success`, `fail` and
 * `error` attached for this one request.
 */
function attempt(authorization: string | undefined): {
  user?: RequestUser;
  error?: AppError;
  status?: number;
} {
  const outcome: { user?: RequestUser; error?: AppError; status?: number } = {};
  const run = Object.create(strategy) as AccessTokenStrategy;
  run.success = (user: RequestUser) => (outcome.user = user);
  run.fail = ((info: AccessTokenFailure, status: number) => {
    outcome.error = info.error;
    outcome.status = status;
  }) as AccessTokenStrategy['fail'];
  run.error = (e: unknown) => {
    throw e;
  };
  run.authenticate({
    headers: authorization === undefined ? {} : { authorization },
  } as Request);
  return outcome;
}

/** `attempt` once the strategy has answered, synchronously or after asking for the session. */
async function settled(authorization: string): Promise<{
  user?: RequestUser;
  error?: AppError;
  status?: number;
}> {
  const outcome = attempt(authorization);
  for (let i = 0; i < 10 && !outcome.user && !outcome.error; i++)
    await new Promise((resolve) => setImmediate(resolve));
  return outcome;
}

const code = (authorization: string | undefined) =>
  attempt(authorization).error?.code;
const unsigned = (header: object, payload: object) =>
  `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;

describe('the Passport access-token strategy', () => {
  it('is registered with Passport under the name the guard uses', () => {
    expect(strategy.name).toBe('jwt');
  });

  it('lets a valid access token in as its user, with the permissions of its role', () => {
    const { user } = attempt(
      `Bearer ${jwt.sign({ sub: 'user-1', adm: false })}`,
    );
    expect(user).toMatchObject({ id: 'user-1', isPlatformAdmin: false });
    expect(user?.permissions).toContain(PERMISSIONS.licensesRead);
    expect(user?.permissions).not.toContain(PERMISSIONS.platformAdmin);
    const admin = attempt(`bearer ${jwt.sign({ sub: 'admin-1', adm: true })}`);
    expect(admin.user?.permissions).toContain(PERMISSIONS.platformAdmin);
  });

  it('asks for a token when there is none, or not a Bearer one', () => {
    expect(attempt(undefined)).toMatchObject({ status: 401 });
    expect(code(undefined)).toBe('unauthenticated');
    expect(code('Basic dXNlcjpwYXNz')).toBe('unauthenticated');
    expect(code('Bearer')).toBe('unauthenticated');
  });

  it('refuses expired, forged, unsigned and other-algorithm tokens', () => {
    expect(
      code(
        `Bearer ${jwt.sign({ sub: 'u', adm: false, exp: Math.floor(Date.now() / 1000) - 5 })}`,
      ),
    ).toBe('token_expired');
    const forged = new JwtService({
      secret: 'another-secret-another-secret-another-secret',
    }).sign({ sub: 'u', adm: true });
    expect(code(`Bearer ${forged}`)).toBe('token_invalid');
    expect(
      code(
        `Bearer ${unsigned({ alg: 'none', typ: 'JWT' }, { sub: 'u', adm: true })}`,
      ),
    ).toBe('token_invalid');
    const hs512 = jwt.sign({ sub: 'u', adm: false }, { algorithm: 'HS512' });
    expect(code(`Bearer ${hs512}`)).toBe('token_invalid');
    expect(code(`Bearer ${jwt.sign({ adm: true })}`)).toBe('token_invalid');
    expect(code('Bearer not.a.token')).toBe('token_invalid');
  });

  it('checks a known token’s expiry on every use, not only the first', () => {
    const soon = jwt.sign({
      sub: 'u',
      adm: false,
      // At least 2 s ahead: `+ 1` is the next whole second, which a loaded machine can pass
      // before the first check runs.
      exp: Math.floor(Date.now() / 1000) + 3,
    });
    expect(attempt(`Bearer ${soon}`).user?.id).toBe('u');
    const now = Date.now;
    Date.now = () => now() + 10_000;
    try {
      expect(code(`Bearer ${soon}`)).toBe('token_expired');
    } finally {
      Date.now = now;
    }
  });

  it('refuses a token whose session has ended, and asks the database at most every few seconds', async () => {
    const token = `Bearer ${jwt.sign({ sub: 'u-s', adm: false, sid: 'family-1' })}`;
    const before = lookups;
    expect((await settled(token)).user?.id).toBe('u-s');
    expect(lookups).toBe(before + 1);
    // Known live: answered at once, without asking again.
    expect(attempt(token).user?.id).toBe('u-s');
    expect(lookups).toBe(before + 1);
    // Ended elsewhere (another API process): refused once the recheck delay has passed.
    endedSessions.add('family-1');
    const now = Date.now;
    Date.now = () => now() + SESSION_RECHECK_MS + 1;
    try {
      const refused = await settled(token);
      expect(refused).toMatchObject({ status: 401 });
      expect(refused.error?.code).toBe('session_ended');
    } finally {
      Date.now = now;
    }
    // Ended sessions stay ended without asking again.
    expect(attempt(token).error?.code).toBe('session_ended');
    expect(lookups).toBe(before + 2);
  });

  it('refuses at once the sessions this process ended, one or all of a user’s', async () => {
    const a = `Bearer ${jwt.sign({ sub: 'u-e', adm: false, sid: 'family-a' })}`;
    const b = `Bearer ${jwt.sign({ sub: 'u-e', adm: false, sid: 'family-b' })}`;
    const other = `Bearer ${jwt.sign({ sub: 'u-o', adm: false, sid: 'family-o' })}`;
    for (const t of [a, b, other])
      expect((await settled(t)).user).toBeDefined();
    sessions.ended('family-a', 'u-e');
    expect(attempt(a).error?.code).toBe('session_ended');
    expect(attempt(b).user?.id).toBe('u-e');
    sessions.endedForUser('u-e');
    expect(attempt(b).error?.code).toBe('session_ended');
    expect(attempt(other).user?.id).toBe('u-o');
  });

  it('does not take a session id for another user’s', async () => {
    const mine = `Bearer ${jwt.sign({ sub: 'u-1', adm: false, sid: 'family-x' })}`;
    expect((await settled(mine)).user?.id).toBe('u-1');
    sessions.ended('family-x', 'u-1');
    // Same sid, another subject: not answered from the first user's entry.
    const before = lookups;
    const theirs = `Bearer ${jwt.sign({ sub: 'u-2', adm: false, sid: 'family-x' })}`;
    await settled(theirs);
    expect(lookups).toBe(before + 1);
  });
});
