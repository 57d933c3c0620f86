export * from './lib/licenses.routes';
export * from './lib/data/licenses.api';
export * from './lib/data/labels';
export * from './lib/ui/status-chip';
export * from './lib/ui/advocacy-flag';
export * from './lib/ui/load-error';
export * from './lib/ui/progress-meter';
export * from './lib/data/remote';
