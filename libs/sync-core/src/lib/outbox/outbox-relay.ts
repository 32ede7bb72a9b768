import { backoffDelay, sleep } from '@ops/resilience';
import type { EventPublisher } from '@ops/sse-events';
import { serializeSyncError } from '@ops/sse-events';
import { countUnpublished, type Database, markFailed, type OutboxBatch, publishOutboxBatch } from '@ops/store';

export interface OutboxRelayOptions {
  /** Envelopes per publish call (all of one stream). Default 100. */
  batchSize?: number;
  /** Poll interval while idle. Default 1 s. */
  intervalMs?: number;
  /** Longest wait between tries while the publisher keeps failing. Default 30 s. */
  maxBackoffMs?: number;
  onError?: (message: string) => void;
}

/** What `drainFor` did: envelopes this relay published, and entries still unpublished at the end. */
export interface OutboxDrainResult {
  published: number;
  pending: number;
}

/** How one drain pass ended. */
interface DrainPass {
  published: number;
  /** A publish failed: the pass stopped so that stream's order holds, and backs off. */
  failed: boolean;
}

/** A publisher failure, told apart from a database error raised around it. */
class PublishAttemptError extends Error {
  constructor(
    readonly batch: OutboxBatch,
    readonly failure: unknown,
  ) {
    super('publish failed');
  }
}

/**
 * Publishes outbox entries and marks them published. Any number of relays (in one process or in
 * worker replicas on one Postgres) can run together: each batch is one stream's oldest entries,
 * claimed under that stream's lock and marked before the lock is let go (`publishOutboxBatch`),
 * so every entry is published once, and each stream (the producing integration) in enqueue order
 * (`createdAt`, then `id`); streams go in parallel. Only a crash between a publish and its commit
 * publishes a batch again, and envelope ids let the hub drop the repeat. A hub or broker outage
 * delays events and never loses them: a failed batch stays unpublished, the pass stops and the
 * relay retries with backoff.
 */
export class OutboxRelay {
  private timer?: NodeJS.Timeout;
  private draining?: Promise<DrainPass>;
  private failures = 0;
  private stopped = true;
  /** Epoch ms after which a drain pass claims no further batch (set by `drainFor`). */
  private deadline = Number.POSITIVE_INFINITY;

  constructor(
    private readonly database: Database,
    private readonly publisher: EventPublisher,
    private readonly options: OutboxRelayOptions = {},
  ) {}

  /**
   * Publishes everything this relay can claim now: batch after batch until no stream has pending
   * entries that another relay does not hold, or a publish fails. Concurrent calls share one drain.
   * @returns how many envelopes were published; rejects only on a database error.
   */
  drain(): Promise<number> {
    return this.pass().then((pass) => pass.published);
  }

  /**
   * Drains for at most `ms` (for shutdown): like `drain`, but while the publisher fails it retries
   * with the relay's backoff until the time is up, and it claims no batch after the time is up. A
   * batch being published then is finished first (the publisher's own timeouts bound it). A drain
   * already running (from `start`) is joined and also stops at the deadline. With `ms <= 0` it
   * publishes nothing and only counts.
   * @returns envelopes published during the call, and entries still unpublished afterwards
   * (including streams other relays were publishing at that moment).
   * Rejects on a database error.
   */
  async drainFor(ms: number): Promise<OutboxDrainResult> {
    const deadline = Date.now() + ms;
    const outer = this.deadline;
    this.deadline = Math.min(outer, deadline);
    let published = 0;
    try {
      while (Date.now() < deadline) {
        const pass = await this.pass();
        published += pass.published;
        if (!pass.failed) break;
        await sleep(Math.min(this.nextDelay(), deadline - Date.now()));
      }
    } finally {
      this.deadline = outer;
    }
    return { published, pending: await countUnpublished(this.database.db) };
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

  private pass(): Promise<DrainPass> {
    this.draining ??= this.drainOnce().finally(() => (this.draining = undefined));
    return this.draining;
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
    return backoffDelay(this.failures + 1, interval, this.options.maxBackoffMs ?? 30_000);
  }

  private async drainOnce(): Promise<DrainPass> {
    const limit = this.options.batchSize ?? 100;
    let published = 0;
    while (Date.now() < this.deadline) {
      let batch: OutboxBatch | undefined;
      try {
        batch = await publishOutboxBatch(this.database, (claimed) => this.publish(claimed), { limit });
      } catch (error) {
        if (!(error instanceof PublishAttemptError)) throw error;
        await this.recordFailure(error);
        return { published, failed: true };
      }
      if (!batch) break;
      this.failures = 0;
      published += batch.entries.length;
    }
    return { published, failed: false };
  }

  private async publish(batch: OutboxBatch): Promise<void> {
    try {
      await this.publisher.publish(batch.entries.map((entry) => entry.envelope));
    } catch (error) {
      throw new PublishAttemptError(batch, error);
    }
  }

  /** After the claim rolled back: counts the attempt on the batch's first entry, in its own write. */
  private async recordFailure(failure: PublishAttemptError): Promise<void> {
    this.failures += 1;
    const message = serializeSyncError(failure.failure).message;
    await markFailed(this.database.db, failure.batch.entries[0].id, message);
    this.options.onError?.(`outbox relay (${failure.batch.stream}): publish failed, will retry: ${message}`);
  }
}
