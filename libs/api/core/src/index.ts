export * from './lib/errors/app-error';
export * from './lib/errors/validation';
export * from './lib/errors/all-exceptions.filter';
export * from './lib/access/access.decorators';
export * from './lib/access/permissions.guard';
export * from './lib/http/logging';
export * from './lib/core.module';
export * from './lib/bootstrap/configure-app';
