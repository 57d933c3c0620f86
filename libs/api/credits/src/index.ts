export * from './lib/credits.module';
