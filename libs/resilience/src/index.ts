export * from './lib/sleep';
export * from './lib/backoff';
export * from './lib/errors/sync-errors';
export * from './lib/errors/classify';
export * from './lib/retry';
