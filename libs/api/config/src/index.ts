export * from './lib/config.types';
export * from './lib/load-config';
export * from './lib/config.module';
