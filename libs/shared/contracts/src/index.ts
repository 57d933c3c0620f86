export * from './lib/errors';
export * from './lib/auth.contracts';
export * from './lib/organizations.contracts';
export * from './lib/permissions';
