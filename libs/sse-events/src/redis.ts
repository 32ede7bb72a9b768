/**
 * `@ops/sse-events/redis`: the Redis Streams transport (ioredis). Node only, so it is kept out of
 * the main entry, which browsers bundle.
 */
export * from './lib/redis/redis-stream.options';
export * from './lib/redis/stream-entry';
export * from './lib/redis/redis.publisher';
export * from './lib/redis/redis-stream.reader';
