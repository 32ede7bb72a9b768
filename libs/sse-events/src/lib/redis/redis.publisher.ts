import { TransientError } from '@ops/resilience';
import type { Redis } from 'ioredis';

import type { Envelope } from '../envelope';
import { asArray, type EventPublisher } from '../publishers/event-publisher';
import { InvalidEventError, parseEnvelope } from '../validation';
import {
  createRedisClient,
  DEFAULT_STREAM_KEY,
  DEFAULT_STREAM_MAXLEN,
  ENVELOPE_FIELD,
  type RedisStreamOptions,
  whenReady,
} from './redis-stream.options';

export interface RedisPublisherOptions extends RedisStreamOptions {
  /** `redis://host:port/db`; or pass `client` to share a connection. */
  url?: string;
  client?: Redis;
  /** How long a publish waits for a (re)connecting Redis before failing. Default 2 s. */
  readyTimeoutMs?: number;
}

/**
 * The scale-out transport: appends each envelope to one Redis stream (`XADD <key> MAXLEN ~ <n> *
 * envelope <json>`), in order, in one pipeline. Envelopes are validated first; an invalid one
 * rejects the whole batch before anything is written. While Redis is unreachable `publish` fails
 * with a retryable `TransientError` (nothing is queued in memory), so the caller's outbox keeps the
 * events and retries. A retried batch may append an envelope twice: hubs drop repeats by envelope id.
 */
export class RedisPublisher implements EventPublisher {
  private readonly client: Redis;
  private readonly ownsClient: boolean;
  private readonly streamKey: string;
  private readonly maxLen: number;
  private readonly readyTimeoutMs: number;
  private closed = false;

  constructor(options: RedisPublisherOptions) {
    if (!options.client && !options.url) throw new Error('RedisPublisher needs a url or a client');
    this.ownsClient = !options.client;
    this.client = options.client ?? createRedisClient(options.url as string, 'ops-publisher', { commandTimeout: 5_000 });
    // Connection errors surface through publish(); without a listener ioredis would log each one.
    if (this.ownsClient) this.client.on('error', () => undefined);
    this.streamKey = options.streamKey ?? DEFAULT_STREAM_KEY;
    this.maxLen = options.maxLen ?? DEFAULT_STREAM_MAXLEN;
    this.readyTimeoutMs = options.readyTimeoutMs ?? 2_000;
  }

  /** Appends the envelopes; resolves with their stream entry ids, in order. */
  async publish(envelopes: Envelope | readonly Envelope[]): Promise<void> {
    await this.append(asArray(envelopes));
  }

  /**
   * Like `publish`, returning the stream entry id given to each envelope. `alreadyValidated` skips
   * the check for a caller that has just parsed the envelopes with `parseEnvelope` (the hub's ingest).
   * @throws InvalidEventError (not retryable) for an invalid envelope; TransientError when Redis
   *   is unreachable or a command failed.
   */
  async append(envelopes: readonly Envelope[], alreadyValidated = false): Promise<string[]> {
    if (this.closed) throw new Error('RedisPublisher is closed');
    for (const envelope of alreadyValidated ? [] : envelopes) {
      const parsed = parseEnvelope(envelope);
      if (!parsed.ok) throw new InvalidEventError(parsed.error);
    }
    if (envelopes.length === 0) return [];
    try {
      await whenReady(this.client, this.readyTimeoutMs);
      const pipeline = this.client.pipeline();
      for (const envelope of envelopes) {
        pipeline.xadd(this.streamKey, 'MAXLEN', '~', this.maxLen, '*', ENVELOPE_FIELD, JSON.stringify(envelope));
      }
      const results = (await pipeline.exec()) ?? [];
      return results.map(([error, id]) => {
        if (error) throw error;
        return id as string;
      });
    } catch (error) {
      throw new TransientError(`redis XADD failed: ${(error as Error).message}`, 'REDIS_UNAVAILABLE');
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.ownsClient) this.client.disconnect();
  }
}
