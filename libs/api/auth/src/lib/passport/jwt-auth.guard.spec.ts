import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '@mezzo/api-config';
import { AppError, IS_PUBLIC, type RequestUser } from '@mezzo/api-core';
import { PERMISSIONS } from '@mezzo/shared-contracts';
import { JwtAuthGuard } from './jwt-auth.guard';

const secret = 'guard-test-secret-0123456789-0123456789-abcdef';
const jwt = new JwtService({ secret, signOptions: { algorithm: 'HS256' } });
const guard = new JwtAuthGuard(new Reflector(), jwt, {
  auth: { jwtSecret: secret },
} as AppConfig);

class Routes {
  open(): void {
    /* a @Public() route */
  }
  closed(): void {
    /* any other route */
  }
}
Reflect.defineMetadata(IS_PUBLIC, true, Routes.prototype.open);

function attempt(
  authorization: string | undefined,
  handler: () => void = Routes.prototype.closed,
): { user?: RequestUser; error?: AppError } {
  const req: { headers: Record<string, string>; user?: RequestUser } = {
    headers: authorization === undefined ? {} : { authorization },
  };
  const context = {
    getHandler: () => handler,
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
  try {
    expect(guard.canActivate(context)).toBe(true);
    return { user: req.user };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { error: e };
  }
}

const code = (authorization: string | undefined) =>
  attempt(authorization).error?.code;
const unsigned = (header: object, payload: object) =>
  `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;

describe('JwtAuthGuard', () => {
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

  it('lets anyone into a @Public() route', () => {
    expect(attempt(undefined, Routes.prototype.open)).toEqual({
      user: undefined,
    });
  });

  it('checks a known token only for expiry, and refuses it once it has expired', () => {
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
    try {
      const token = jwt.sign({
        sub: 'user-2',
        adm: false,
        exp: Math.floor(now / 1000) + 60,
      });
      expect(attempt(`Bearer ${token}`).user?.id).toBe('user-2');
      expect(attempt(`Bearer ${token}`).user?.id).toBe('user-2');
      // A token differing from the known one in its signature is checked, not matched.
      expect(code(`Bearer ${token.slice(0, -2)}AA`)).toBe('token_invalid');
      clock.mockReturnValue(now + 61_000);
      expect(code(`Bearer ${token}`)).toBe('token_expired');
      expect(code(`Bearer ${token}`)).toBe('token_expired');
    } finally {
      clock.mockRestore();
    }
  });
});
