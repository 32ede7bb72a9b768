import { backoffDelay, sleep } from '@ops/resilience';
import type { Redis } from 'ioredis';

import { createRedisClient, DEFAULT_STREAM_KEY, whenReady } from './redis-stream.options';
import { decodeEntries, type RawStreamEntry, type StreamEntry } from './stream-entry';

/** Entries read in one call, and the id of the last raw entry (to read on from, valid or not). */
export interface StreamBatch {
  entries: StreamEntry[];
  lastId: string | undefined;
}

/** What `XINFO STREAM` says; all zero/undefined when the stream does not exist (yet). */
export interface StreamInfo {
  length: number;
  entriesAdded: number;
  firstId: string | undefined;
  lastId: string | undefined;
}

export interface RedisStreamReaderOptions {
  url: string;
  streamKey?: string;
  /** Longest a blocking read waits for new entries before looping. Default 5 s. */
  blockMs?: number;
  /** Most entries per read. Default 500. */
  batchSize?: number;
  /** Called with an entry that is not a valid envelope (it is skipped). */
  onInvalid?: (streamId: string, reason: string) => void;
  /** Called when Redis fails; the reader keeps retrying with backoff. */
  onError?: (message: string) => void;
}

/**
 * Reads the event stream without a consumer group, so every reader sees every entry: the tail
 * (start-up), a range after an id (catch-up), and a follow loop (`XREAD BLOCK` on a connection of
 * its own) that survives Redis restarts by retrying with backoff from the last id it delivered.
 */
export class RedisStreamReader {
  private readonly commands: Redis;
  private readonly blocking: Redis;
  private readonly streamKey: string;
  private readonly blockMs: number;
  private readonly batchSize: number;
  private stopped = false;
  private loop: Promise<void> | undefined;

  constructor(private readonly options: RedisStreamReaderOptions) {
    this.commands = createRedisClient(options.url, 'ops-hub-reader', { commandTimeout: 5_000 });
    this.blocking = createRedisClient(options.url, 'ops-hub-follow');
    const report = (error: Error) => options.onError?.(error.message);
    this.commands.on('error', report);
    this.blocking.on('error', () => undefined);
    this.streamKey = options.streamKey ?? DEFAULT_STREAM_KEY;
    this.blockMs = options.blockMs ?? 5_000;
    this.batchSize = options.batchSize ?? 500;
  }

  /** The client for other small commands (tickets, heartbeats), so a hub opens no third connection. */
  get client(): Redis {
    return this.commands;
  }

  /** The newest `count` entries, oldest first. */
  async tail(count: number): Promise<StreamBatch> {
    await whenReady(this.commands, 2_000);
    const raw = (await this.commands.xrevrange(this.streamKey, '+', '-', 'COUNT', count)) as RawStreamEntry[];
    raw.reverse();
    return this.batch(raw);
  }

  /** Up to one batch of entries after `streamId` (exclusive), oldest first. */
  async after(streamId: string): Promise<StreamBatch> {
    await whenReady(this.commands, 2_000);
    const raw = (await this.commands.xrange(this.streamKey, `(${streamId}`, '+', 'COUNT', this.batchSize)) as RawStreamEntry[];
    return this.batch(raw);
  }

  async info(): Promise<StreamInfo> {
    await whenReady(this.commands, 2_000);
    let reply: unknown[];
    try {
      reply = (await this.commands.xinfo('STREAM', this.streamKey)) as unknown[];
    } catch (error) {
      if (/no such key/i.test((error as Error).message)) return { length: 0, entriesAdded: 0, firstId: undefined, lastId: undefined };
      throw error;
    }
    const field = (name: string) => reply[reply.indexOf(name) + 1];
    const first = field('first-entry') as RawStreamEntry | null;
    const last = field('last-entry') as RawStreamEntry | null;
    return {
      length: Number(field('length')),
      entriesAdded: Number(field('entries-added')),
      firstId: first?.[0],
      lastId: last?.[0],
    };
  }

  /**
   * Delivers every entry after `fromId` ('0-0' for all), batch by batch, until `stop`. Redis
   * errors are reported and retried with backoff (100 ms doubling to 5 s) from the last id delivered.
   */
  follow(fromId: string, deliver: (batch: StreamBatch) => void): void {
    if (this.loop) throw new Error('already following');
    this.loop = this.run(fromId, deliver);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.blocking.disconnect();
    await this.loop?.catch(() => undefined);
    this.commands.disconnect();
  }

  private async run(fromId: string, deliver: (batch: StreamBatch) => void): Promise<void> {
    let position = fromId;
    let failures = 0;
    while (!this.stopped) {
      try {
        await whenReady(this.blocking, 5_000);
        const reply = (await this.blocking.xread('COUNT', this.batchSize, 'BLOCK', this.blockMs, 'STREAMS', this.streamKey, position)) as
          | [string, RawStreamEntry[]][]
          | null;
        failures = 0;
        if (!reply) continue;
        const batch = this.batch(reply[0][1]);
        if (batch.lastId) position = batch.lastId;
        deliver(batch);
      } catch (error) {
        if (this.stopped) break;
        failures += 1;
        this.options.onError?.(`redis stream read failed (attempt ${failures}): ${(error as Error).message}`);
        await sleep(backoffDelay(failures, 100, 5_000));
      }
    }
  }

  private batch(raw: RawStreamEntry[]): StreamBatch {
    return { entries: decodeEntries(raw, this.options.onInvalid), lastId: raw.at(-1)?.[0] };
  }
}
