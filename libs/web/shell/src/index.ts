export * from './lib/shell/shell.layout';
