/**
 * Permission keys checked per route. Every signed-in user holds the `self` ones; platform admins
 * also hold `platform:*`. Organisation roles are checked by the services against the resource.
 */
export const PERMISSIONS = {
  accountRead: 'account:read',
  accountWrite: 'account:write',
  organizationsCreate: 'organizations:create',
  organizationsRead: 'organizations:read',
  organizationsManage: 'organizations:manage',
  licensesRead: 'licenses:read',
  licensesWrite: 'licenses:write',
  creditsRead: 'credits:read',
  creditsWrite: 'credits:write',
  platformAdmin: 'platform:admin',
} as const;
export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

export const USER_PERMISSIONS: readonly Permission[] = [
  PERMISSIONS.accountRead,
  PERMISSIONS.accountWrite,
  PERMISSIONS.organizationsCreate,
  PERMISSIONS.organizationsRead,
  PERMISSIONS.organizationsManage,
  PERMISSIONS.licensesRead,
  PERMISSIONS.licensesWrite,
  PERMISSIONS.creditsRead,
  PERMISSIONS.creditsWrite,
];

export function permissionsFor(user: {
  isPlatformAdmin: boolean;
}): Permission[] {
  return user.isPlatformAdmin
    ? [...USER_PERMISSIONS, PERMISSIONS.platformAdmin]
    : [...USER_PERMISSIONS];
}
