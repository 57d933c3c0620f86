export * from './lib/errors';
export * from './lib/auth.contracts';
export * from './lib/organizations.contracts';
export * from './lib/permissions';
export * from './lib/licenses.contracts';
export * from './lib/credits.contracts';
export * from './lib/certificates.contracts';
export * from './lib/settings.contracts';
