import { Logger } from '@nestjs/common';
import { backoffDelay, sleep } from '@ops/resilience';
import {
  type RedisStreamReader,
  type StreamBatch,
  streamIdAfter,
} from '@ops/sse-events/redis';

import type { EventHub } from '../sse/event-hub';

/**
 * Feeds one hub replica from the shared stream: at start the stream's tail goes into the replay
 * history (not broadcast), then every newer entry is broadcast in stream order. Each entry is
 * handled once, whether it arrives through the blocking read or a catch-up.
 */
export class StreamFeed {
  private readonly logger = new Logger(StreamFeed.name);
  private position: string | undefined;
  private stopped = false;
  private loading: Promise<void> | undefined;
  private catchingUp: Promise<void> | undefined;

  constructor(
    private readonly reader: RedisStreamReader,
    private readonly hub: EventHub,
    private readonly historySize: number,
  ) {}

  /** The id of the last stream entry handled; undefined until the tail has been loaded. */
  get lastStreamId(): string | undefined {
    return this.position;
  }

  /**
   * Loads the tail (retrying with backoff while Redis is unreachable) and starts following.
   * Resolves once loaded, or after `waitMs` with loading still going on in the background.
   */
  async start(waitMs: number): Promise<void> {
    this.loading ??= this.load();
    await Promise.race([this.loading, sleep(waitMs)]);
  }

  /**
   * Reads and broadcasts whatever the stream holds beyond this replica's position, so a client
   * reconnecting here with an id this replica has not read yet is served from the stream.
   * Does nothing (at once) while the stream is unreachable.
   */
  catchUp(): Promise<void> {
    if (this.position === undefined || this.reader.client.status !== 'ready')
      return Promise.resolve();
    this.catchingUp ??= this.readAhead().finally(
      () => (this.catchingUp = undefined),
    );
    return this.catchingUp;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.reader.stop();
  }

  private async load(): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt++) {
      try {
        const tail = await this.reader.tail(Math.max(1, this.historySize));
        if (this.historySize > 0)
          this.hub.preload(tail.entries.map((entry) => entry.envelope));
        this.position = tail.lastId ?? '0-0';
        this.logger.log({
          message: 'event stream loaded',
          replayable: tail.entries.length,
          position: this.position,
        });
        this.reader.follow(this.position, (batch) => this.deliver(batch));
        return;
      } catch (error) {
        this.logger.warn(
          `event stream not loaded yet (attempt ${attempt}): ${(error as Error).message}`,
        );
        await sleep(backoffDelay(attempt, 200, 5_000));
      }
    }
  }

  private async readAhead(): Promise<void> {
    try {
      for (;;) {
        const batch = await this.reader.after(this.position ?? '0-0');
        this.deliver(batch);
        if (batch.entries.length === 0 || !batch.lastId) return;
      }
    } catch (error) {
      this.logger.warn(`catch-up read failed: ${(error as Error).message}`);
    }
  }

  private deliver(batch: StreamBatch): void {
    const position = this.position ?? '0-0';
    for (const entry of batch.entries) {
      if (!streamIdAfter(entry.streamId, this.position ?? position)) continue;
      this.hub.publish([entry.envelope]);
      this.position = entry.streamId;
    }
    if (batch.lastId && streamIdAfter(batch.lastId, this.position ?? position))
      this.position = batch.lastId;
  }
}
