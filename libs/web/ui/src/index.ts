export * from './lib/icon/icon';
export * from './lib/alert/alert';
export * from './lib/auth-layout/auth-layout';
export * from './lib/not-found/not-found.page';
export * from './lib/forms/validators';
export * from './lib/forms/server-errors';
export * from './lib/forms/focus-first-invalid';
export * from './lib/forms/error-state';
