import { sleep } from '@ops/resilience';
import { RestoringBucket } from '@ops/sync-core';

import { type SpApiOperation, USAGE_PLANS } from './sp-api-operations';

/** A spent token and when its request left (see {@link OperationThrottle.settle}). */
export interface ThrottleTicket {
  operation: SpApiOperation;
  sentAt: number;
}

interface Meter {
  bucket: RestoringBucket;
  capacity: number;
  rate: number;
  queue: Promise<unknown>;
}

/**
 * One token bucket per SP-API operation (Amazon keeps one per operation and seller/application
 * pair), started full at the documented burst and refilled at the documented rate until the API's
 * `x-amzn-RateLimit-Limit` says otherwise. Callers of one operation queue in order, so a request
 * is only sent when the bucket has a token for it: limits are planned, not discovered.
 */
export class OperationThrottle {
  private readonly meters = new Map<SpApiOperation, Meter>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Resolves when a token for `operation` is spent; rejects with the signal's reason once aborted. */
  acquire(operation: SpApiOperation, signal?: AbortSignal): Promise<ThrottleTicket> {
    const meter = this.meterOf(operation);
    const turn = meter.queue.then(async () => {
      const delay = meter.bucket.delayFor(1);
      if (delay > 0) await sleep(delay, signal);
      meter.bucket.spend(1);
      return { operation, sentAt: this.now() };
    });
    meter.queue = turn.catch(() => undefined);
    return turn;
  }

  /**
   * Called when the answer to a ticket's request arrives. Amazon took the token when the request
   * reached it, any time before the answer; counting the refill only from the answer (not from
   * sending) keeps the local bucket at or below Amazon's whatever the network or a busy event loop
   * did to the request on its way. Conservative: it can only make a later request wait longer.
   */
  settle(ticket: ThrottleTicket): void {
    const meter = this.meterOf(ticket.operation);
    const refilledSinceSent = ((this.now() - ticket.sentAt) / 1000) * meter.rate;
    meter.bucket.update({ available: Math.min(meter.bucket.available(), meter.capacity) - refilledSinceSent });
  }

  /** Adopts the rate the API reported (`x-amzn-RateLimit-Limit`, requests per second). */
  reportRate(operation: SpApiOperation, rate: number): void {
    if (!Number.isFinite(rate) || rate <= 0) return;
    const meter = this.meterOf(operation);
    meter.rate = rate;
    meter.bucket.update({ available: meter.bucket.available(), restorePerSecond: rate });
  }

  /** After a 429: the bucket is empty. Returns the milliseconds until one token is back. */
  throttled(operation: SpApiOperation): number {
    const { bucket } = this.meterOf(operation);
    bucket.update({ available: 0 });
    return bucket.delayFor(1);
  }

  private meterOf(operation: SpApiOperation): Meter {
    let meter = this.meters.get(operation);
    if (!meter) {
      const { rate, burst } = USAGE_PLANS[operation];
      meter = { bucket: new RestoringBucket({ available: burst, capacity: burst, restorePerSecond: rate }, this.now), capacity: burst, rate, queue: Promise.resolve() };
      this.meters.set(operation, meter);
    }
    return meter;
  }
}
