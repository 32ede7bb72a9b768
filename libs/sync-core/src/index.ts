export * from './lib/errors/sync-errors';
export * from './lib/http/retry';
export * from './lib/http/fetch-json';
export * from './lib/http/restoring-bucket';
export * from './lib/change/inventory-diff';
export * from './lib/config/load-config';
