/**
 * A fault the Unleashed sandbox injects: `server_error` answers 503, `malformed` answers a body
 * that is not the documented envelope, `quota` answers 429 with a `Retry-After` until the next
 * monthly reset (the status Unleashed uses for an exhausted quota is undocumented: an assumption).
 */
export interface UnleashedFault {
  kind: 'server_error' | 'malformed' | 'quota';
  /** Only requests for this resource (`StockOnHand`); default every resource. */
  resource?: string;
  /** How many matching requests it answers; default every one. */
  times?: number;
}

/** Picks the fault that answers a request, counting its uses. */
export class FaultBook {
  private readonly used = new Map<UnleashedFault, number>();
  constructor(private faults: UnleashedFault[] = []) {}

  set(faults: UnleashedFault[]): void {
    this.faults = faults;
    this.used.clear();
  }

  take(resource: string): UnleashedFault | undefined {
    const fault = this.faults.find(
      (f) => (f.resource === undefined || f.resource === resource) && (f.times === undefined || (this.used.get(f) ?? 0) < f.times),
    );
    if (fault) this.used.set(fault, (this.used.get(fault) ?? 0) + 1);
    return fault;
  }
}

/** Seconds from `nowMs` until 00:00 UTC on the 1st of next month, when Unleashed resets quotas. */
export function secondsUntilQuotaReset(nowMs: number): number {
  const now = new Date(nowMs);
  const reset = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  return Math.ceil((reset - nowMs) / 1000);
}
