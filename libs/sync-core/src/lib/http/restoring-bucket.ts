export interface BucketState {
  /** Points (or calls) available right now, as the API last reported. */
  available: number;
  capacity: number;
  /** Points restored per second. */
  restorePerSecond: number;
}

/**
 * A client-side mirror of an API's leaky bucket (Shopify GraphQL query cost, REST call limits).
 * The API's own reports ({@link update}) always win over the local estimate; between reports the
 * bucket refills at `restorePerSecond`. It never hands out more than the API said it has.
 */
export class RestoringBucket {
  private state: BucketState;
  private reportedAt: number;

  constructor(
    initial: BucketState,
    private readonly now: () => number = Date.now,
  ) {
    this.state = { ...initial };
    this.reportedAt = now();
  }

  /** Records what the API reported; missing fields keep their previous values. */
  update(report: Partial<BucketState>): void {
    this.state = { ...this.state, ...report };
    this.reportedAt = this.now();
  }

  /** Estimated points available now. */
  available(): number {
    const elapsedSeconds = (this.now() - this.reportedAt) / 1000;
    return Math.min(this.state.capacity, this.state.available + elapsedSeconds * this.state.restorePerSecond);
  }

  /** Milliseconds to wait before `cost` points are available; 0 when they already are. */
  delayFor(cost: number): number {
    const needed = Math.min(cost, this.state.capacity) - this.available();
    if (needed <= 0) return 0;
    if (this.state.restorePerSecond <= 0) return Number.POSITIVE_INFINITY;
    return Math.ceil((needed / this.state.restorePerSecond) * 1000);
  }

  /** Deducts `cost` locally after a request is sent, until the API's next report corrects it. */
  spend(cost: number): void {
    this.update({ available: this.available() - cost });
  }
}
