export * from './lib/postgres/test-database';
export * from './lib/smtp';
export * from './lib/app/test-app';
export * from './lib/pdf/pdf-text';
export * from './lib/app/register-user';
