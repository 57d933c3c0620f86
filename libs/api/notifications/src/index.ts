export * from './lib/api-notifications.module';
