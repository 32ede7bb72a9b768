export * from './lib/sse-client.types';
export { SseClient, createSseClient } from './lib/sse-client';
export type { SseClientOptions } from './lib/sse-client.options';
export { reconnectDelay, DEFAULT_BACKOFF } from './lib/reconnect-delay';
export { invalidateQueriesOnEvents, resourcesFor, type InvalidationTable, type InvalidatingQueryClient } from './lib/query-invalidation';
export { SharedSseClient } from './lib/shared/shared-sse-client';
export { createSharedSseClient, type SharedSseClientOptions } from './lib/shared/create-shared-sse-client';
export type { LockManagerLike } from './lib/shared/leader-election';
export type { BroadcastChannelLike } from './lib/shared/shared-messages';
