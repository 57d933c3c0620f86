export * from './lib/data-source';
export * from './lib/data-access.module';
export * from './lib/entities';
export * from './lib/repositories/users.repository';
export * from './lib/repositories/refresh-tokens.repository';
export * from './lib/repositories/password-reset-tokens.repository';
export * from './lib/repositories/rate-limits.repository';
export * from './lib/repositories/organizations.repository';
