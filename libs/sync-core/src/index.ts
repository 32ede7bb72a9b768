// Resilience and config live in shared util libs; re-exported so workers keep one import.
export {
  AuthRevokedError,
  DEFAULT_RETRY_POLICY,
  isRetryable,
  MalformedResponseError,
  RateLimitedError,
  RequestRejectedError,
  type RetryHooks,
  type RetryPolicy,
  SyncFailure,
  TransientError,
  withRetry,
} from '@ops/resilience';
export { ConfigError, loadConfig, type LoadConfigOptions } from '@ops/config';
export * from './lib/http/fetch-json';
export * from './lib/http/restoring-bucket';
export * from './lib/change/inventory-diff';
export * from './lib/change/inventory-events';
export * from './lib/outbox/outbox-relay';
export * from './lib/runner/sync-job';
export * from './lib/runner/sync-runner';
export * from './lib/runner/account-fan-out';
export * from './lib/registry/worker-definition';
export * from './lib/registry/integration-status';
export * from './lib/config/worker.config';
export * from './lib/credentials/credential-keys';
export * from './lib/credentials/oauth-token-store';
export * from './lib/credentials/database-exclusive';
export * from './lib/credentials/sealed-token-storage';
export * from './lib/nest/sync-worker.module';
export * from './lib/nest/sync-worker.tokens';
export * from './lib/nest/sync-scheduler';
export * from './lib/nest/bootstrap-worker';
export * from './lib/nest/connect-command';
export * from './lib/nest/integration-workers';
export * from './lib/nest/integrations.controller';
