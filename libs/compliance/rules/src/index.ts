export * from './lib/compliance-rules';
