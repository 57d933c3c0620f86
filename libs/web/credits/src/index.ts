export * from './lib/credits.routes';
export * from './lib/data/credits.api';
