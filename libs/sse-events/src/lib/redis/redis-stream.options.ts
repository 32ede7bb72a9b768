import { backoffDelay } from '@ops/resilience';
import { Redis, type RedisOptions } from 'ioredis';

/** Where the events live in Redis and how long the stream may grow. */
export interface RedisStreamOptions {
  /** The stream every publisher appends to and every hub replica reads. Default `ops:events`. */
  streamKey?: string;
  /** Approximate length bound (`XADD ... MAXLEN ~ n`). Default 100000. */
  maxLen?: number;
}

export const DEFAULT_STREAM_KEY = 'ops:events';
export const DEFAULT_STREAM_MAXLEN = 100_000;

/** The one field of a stream entry: the envelope as JSON (its `id` is the event id). */
export const ENVELOPE_FIELD = 'envelope';

/**
 * A client that fails fast while Redis is unreachable (no offline queue, in-flight commands are not
 * resent after a reconnect) and reconnects in the background with jittered exponential backoff
 * (100 ms doubling to 5 s). Callers decide what to retry; nothing piles up in memory meanwhile.
 */
export function createRedisClient(url: string, name: string, extra: RedisOptions = {}): Redis {
  return new Redis(url, {
    connectionName: name,
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 5_000,
    retryStrategy: (attempt) => backoffDelay(attempt, 100, 5_000),
    ...extra,
  });
}

/** Resolves once `client` is ready, or rejects after `timeoutMs` (Redis down, still reconnecting). */
export function whenReady(client: Redis, timeoutMs: number): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off('ready', onReady);
      reject(new Error(`redis is not reachable (status ${client.status})`));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    client.once('ready', onReady);
  });
}
