export * from './lib/auth/api-paths';
export * from './lib/auth/auth.api';
export * from './lib/auth/auth.store';
export * from './lib/auth/auth.interceptor';
export * from './lib/auth/auth.guards';
export * from './lib/auth/provide-auth';
export * from './lib/auth/return-url';
export * from './lib/http/api-error';
