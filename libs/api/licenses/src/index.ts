export * from './lib/licenses.module';
