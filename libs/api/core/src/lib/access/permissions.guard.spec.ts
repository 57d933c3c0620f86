import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PERMISSIONS } from '@mezzo/shared-contracts';
import {
  Authenticated,
  Public,
  RequirePermission,
  type RequestUser,
} from './access.decorators';
import { PermissionsGuard } from './permissions.guard';

class Routes {
  @Public() open() {
    return 'open';
  }
  @Authenticated() anyUser() {
    return 'any';
  }
  @RequirePermission(PERMISSIONS.platformAdmin) adminOnly() {
    return 'admin';
  }
  undeclared() {
    return 'none';
  }
}

function context(handler: keyof Routes, user?: RequestUser): ExecutionContext {
  return {
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => ({ user }) }),
  } as unknown as ExecutionContext;
}

const member: RequestUser = {
  id: 'u1',
  isPlatformAdmin: false,
  permissions: [PERMISSIONS.accountRead],
};
const admin: RequestUser = {
  id: 'u2',
  isPlatformAdmin: true,
  permissions: [PERMISSIONS.accountRead, PERMISSIONS.platformAdmin],
};

describe('PermissionsGuard', () => {
  const guard = new PermissionsGuard(new Reflector());

  it('lets anyone through a public route', () => {
    expect(guard.canActivate(context('open'))).toBe(true);
  });

  it('lets any signed-in user through an @Authenticated() route', () => {
    expect(guard.canActivate(context('anyUser', member))).toBe(true);
  });

  it('checks declared permissions', () => {
    expect(guard.canActivate(context('adminOnly', admin))).toBe(true);
    expect(() => guard.canActivate(context('adminOnly', member))).toThrow(
      expect.objectContaining({ status: 403, code: 'forbidden' }),
    );
  });

  it('refuses a route that declares no rule at all (fails closed)', () => {
    expect(() => guard.canActivate(context('undeclared', admin))).toThrow(
      expect.objectContaining({ status: 403 }),
    );
  });
});
