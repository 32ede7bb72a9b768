import { sleep } from '@ops/resilience';
import { RestoringBucket } from '@ops/sync-core';

import { DayLimitReachedError } from './xero-limit.errors';

export interface TenantLimits {
  perMinute: number;
  concurrent: number;
  perDay: number;
}

export const XERO_TENANT_LIMITS: TenantLimits = { perMinute: 60, concurrent: 5, perDay: 5000 };

/** The rate-limit headers of one answer (lower-case names). */
export type LimitHeaders = Record<string, string | undefined>;

/**
 * One tenant's call budget: at most `concurrent` calls in flight, `perMinute` a minute (a bucket
 * corrected by `X-MinLimit-Remaining`), and once the day is spent (`X-DayLimit-Remaining: 0`
 * or a day-limit 429) no call at all until the reset.
 */
export class TenantCallLimiter {
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly minute: RestoringBucket;
  private dayRemaining: number;
  private blockedUntil = 0;

  constructor(
    private readonly tenantId: string,
    private readonly limits: TenantLimits = XERO_TENANT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.minute = new RestoringBucket({ available: limits.perMinute, capacity: limits.perMinute, restorePerSecond: limits.perMinute / 60 }, now);
    this.dayRemaining = limits.perDay;
  }

  /** Runs `call` within the budget; `call` reports the answer's headers through `observe`. */
  async run<T>(call: (observe: (headers: LimitHeaders) => void) => Promise<T>, signal?: AbortSignal): Promise<T> {
    this.checkDay();
    await this.acquireSlot(signal);
    try {
      for (let delay = this.minute.delayFor(1); delay > 0; delay = this.minute.delayFor(1)) await sleep(delay, signal);
      this.checkDay();
      this.minute.spend(1);
      return await call((headers) => this.observe(headers));
    } finally {
      this.releaseSlot();
    }
  }

  /** Records a day-limit breach: the tenant rests until `retryAfterMs` from now (a day when unknown). */
  dayLimitBreached(retryAfterMs: number | undefined): DayLimitReachedError {
    this.blockedUntil = this.now() + (retryAfterMs ?? 86_400_000);
    return this.dayError();
  }

  private observe(headers: LimitHeaders): void {
    const minute = Number(headers['x-minlimit-remaining']);
    if (headers['x-minlimit-remaining'] !== undefined && Number.isFinite(minute)) this.minute.update({ available: minute });
    const day = Number(headers['x-daylimit-remaining']);
    if (headers['x-daylimit-remaining'] !== undefined && Number.isFinite(day)) this.dayRemaining = day;
  }

  private checkDay(): void {
    if (this.now() < this.blockedUntil) throw this.dayError();
    if (this.blockedUntil > 0) {
      this.blockedUntil = 0;
      this.dayRemaining = this.limits.perDay;
    }
    if (this.dayRemaining <= 0) throw this.dayLimitBreached(undefined);
  }

  private dayError(): DayLimitReachedError {
    return new DayLimitReachedError(
      `tenant ${this.tenantId} has spent its daily Xero call limit; not called again before ${new Date(this.blockedUntil).toISOString()}`,
      this.blockedUntil,
    );
  }

  private async acquireSlot(signal?: AbortSignal): Promise<void> {
    while (this.inFlight >= this.limits.concurrent) {
      signal?.throwIfAborted();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.inFlight++;
  }

  private releaseSlot(): void {
    this.inFlight--;
    this.waiting.shift()?.();
  }
}
