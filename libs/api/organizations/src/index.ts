export * from './lib/api-organizations.module';
