import type { RateLimitSpec } from '../sandbox.types';

/**
 * A leaky bucket measured as "available" units that restore at `ratePerSecond` up to
 * `capacity`. When `unlimited`, takes always succeed and the bucket always reads full.
 */
export class LeakyBucket {
  private availableUnits: number;
  private updatedAt: number;

  constructor(
    readonly capacity: number,
    readonly ratePerSecond: number,
    private readonly clock: () => number,
    private readonly unlimited = false,
  ) {
    this.availableUnits = capacity;
    this.updatedAt = clock();
  }

  available(): number {
    if (this.unlimited) return this.capacity;
    const now = this.clock();
    this.availableUnits = Math.min(this.capacity, this.availableUnits + ((now - this.updatedAt) / 1000) * this.ratePerSecond);
    this.updatedAt = now;
    return this.availableUnits;
  }

  /** Takes `units` if available; otherwise takes nothing and returns false. */
  tryTake(units: number): boolean {
    if (this.unlimited) return true;
    if (this.available() < units) return false;
    this.availableUnits -= units;
    return true;
  }

  /** Returns units (e.g. requested minus actual query cost), never above capacity. */
  give(units: number): void {
    if (!this.unlimited) this.availableUnits = Math.min(this.capacity, this.available() + units);
  }
}

export interface ShopBuckets {
  /** GraphQL cost points. */
  graphql: LeakyBucket;
  /** REST requests. */
  rest: LeakyBucket;
}

/** Realistic = Shopify's standard plan: 2000 points restoring 100/s; REST 40 requests leaking 2/s. */
export function createBuckets(spec: RateLimitSpec | undefined, clock: () => number): ShopBuckets {
  if (spec === 'off') return { graphql: new LeakyBucket(2000, 100, clock, true), rest: new LeakyBucket(40, 2, clock, true) };
  if (spec === undefined || spec === 'realistic') return { graphql: new LeakyBucket(2000, 100, clock), rest: new LeakyBucket(40, 2, clock) };
  const rest = spec.rest ?? { bucketSize: 40, leakRate: 2 };
  return { graphql: new LeakyBucket(spec.bucketSize, spec.restoreRate, clock), rest: new LeakyBucket(rest.bucketSize, rest.leakRate, clock) };
}
