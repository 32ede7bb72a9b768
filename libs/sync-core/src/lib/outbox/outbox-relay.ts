import type { EventPublisher } from '@ops/sse-events';
import { serializeSyncError } from '@ops/sse-events';
import { claimUnpublished, type Database, markFailed, markPublished } from '@ops/store';

export interface OutboxRelayOptions {
  /** Envelopes per publish call. Default 100. */
  batchSize?: number;
  /** Poll interval while idle. Default 1 s. */
  intervalMs?: number;
  /** Longest wait between tries while the publisher keeps failing. Default 30 s. */
  maxBackoffMs?: number;
  onError?: (message: string) => void;
}

/**
 * Publishes outbox rows in order (created, then id) and marks them published: at least once, so a
 * hub or broker outage delays events and never loses them (envelope ids let the hub drop repeats).
 * A failed batch stops the drain so nothing is published out of order; it is retried later.
 */
export class OutboxRelay {
  private timer?: NodeJS.Timeout;
  private draining?: Promise<number>;
  private failures = 0;
  private stopped = true;

  constructor(
    private readonly database: Database,
    private readonly publisher: EventPublisher,
    private readonly options: OutboxRelayOptions = {},
  ) {}

  /**
   * Publishes everything pending now. Concurrent calls share one drain.
   * @returns how many envelopes were published; rejects only on a database error.
   */
  drain(): Promise<number> {
    this.draining ??= this.drainOnce().finally(() => (this.draining = undefined));
    return this.draining;
  }

  /** Starts polling. Calling it twice does nothing. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops polling and waits for a drain in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.draining?.catch(() => undefined);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.drain()
        .catch((error: unknown) => this.options.onError?.(`outbox relay: ${serializeSyncError(error).message}`))
        .finally(() => this.schedule(this.nextDelay()));
    }, delayMs);
    this.timer.unref();
  }

  private nextDelay(): number {
    const interval = this.options.intervalMs ?? 1000;
    if (this.failures === 0) return interval;
    return Math.min(this.options.maxBackoffMs ?? 30_000, interval * 2 ** this.failures);
  }

  private async drainOnce(): Promise<number> {
    const batchSize = this.options.batchSize ?? 100;
    let published = 0;
    for (;;) {
      const batch = await claimUnpublished(this.database.db, batchSize);
      if (batch.length === 0) break;
      try {
        await this.publisher.publish(batch.map((entry) => entry.envelope));
      } catch (error) {
        this.failures += 1;
        const message = serializeSyncError(error).message;
        await markFailed(this.database.db, batch[0].id, message);
        this.options.onError?.(`outbox relay: publish failed, will retry: ${message}`);
        return published;
      }
      this.failures = 0;
      await markPublished(
        this.database.db,
        batch.map((entry) => entry.id),
      );
      published += batch.length;
      if (batch.length < batchSize) break;
    }
    return published;
  }
}
