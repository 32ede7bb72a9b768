export interface XeroLimitOptions {
  /** Calls per tenant per minute (Xero: 60). */
  perMinute: number;
  /** Calls per tenant per day (Xero: 5,000; 1,000 on Starter). */
  perDay: number;
  /** Calls in flight per tenant (Xero: 5). */
  concurrent: number;
  /** Calls per app per minute across tenants (Xero: 10,000). */
  appPerMinute: number;
}

export const XERO_LIMITS: XeroLimitOptions = { perMinute: 60, perDay: 5000, concurrent: 5, appPerMinute: 10_000 };

interface Window {
  start: number;
  count: number;
}

export type LimitVerdict =
  | { ok: true; headers: Record<string, string>; release: () => void }
  | { ok: false; problem: 'minute' | 'day' | 'concurrent'; retryAfterSeconds: number; headers: Record<string, string> };

/** Xero's per-tenant limits with fixed windows that start at a tenant's first call. */
export class XeroLimits {
  private readonly minute = new Map<string, Window>();
  private readonly day = new Map<string, Window>();
  private readonly inFlight = new Map<string, number>();
  private readonly peak = new Map<string, number>();
  private app: Window = { start: 0, count: 0 };

  constructor(
    private readonly options: XeroLimitOptions,
    private readonly now: () => number,
  ) {}

  /** Counts one call for `tenantId` (unless refused) and answers with the remaining-count headers. */
  admit(tenantId: string): LimitVerdict {
    const now = this.now();
    const minute = this.window(this.minute, tenantId, 60_000, now);
    const day = this.window(this.day, tenantId, 86_400_000, now);
    if (now - this.app.start >= 60_000) this.app = { start: now, count: 0 };
    const headers = () => ({
      'X-MinLimit-Remaining': String(Math.max(0, this.options.perMinute - minute.count)),
      'X-DayLimit-Remaining': String(Math.max(0, this.options.perDay - day.count)),
      'X-AppMinLimit-Remaining': String(Math.max(0, this.options.appPerMinute - this.app.count)),
    });
    const secondsLeft = (window: Window, length: number) => Math.max(1, Math.ceil((window.start + length - now) / 1000));
    if (day.count >= this.options.perDay) return { ok: false, problem: 'day', retryAfterSeconds: secondsLeft(day, 86_400_000), headers: headers() };
    if (minute.count >= this.options.perMinute) return { ok: false, problem: 'minute', retryAfterSeconds: secondsLeft(minute, 60_000), headers: headers() };
    const flying = this.inFlight.get(tenantId) ?? 0;
    if (flying >= this.options.concurrent) return { ok: false, problem: 'concurrent', retryAfterSeconds: 1, headers: headers() };
    minute.count++;
    day.count++;
    this.app.count++;
    this.inFlight.set(tenantId, flying + 1);
    this.peak.set(tenantId, Math.max(this.peak.get(tenantId) ?? 0, flying + 1));
    let released = false;
    return {
      ok: true,
      headers: headers(),
      release: () => {
        if (released) return;
        released = true;
        this.inFlight.set(tenantId, (this.inFlight.get(tenantId) ?? 1) - 1);
      },
    };
  }

  /** Most calls seen in flight at once for a tenant. */
  peakInFlight(tenantId: string): number {
    return this.peak.get(tenantId) ?? 0;
  }

  private window(map: Map<string, Window>, key: string, length: number, now: number): Window {
    let window = map.get(key);
    if (!window || now - window.start >= length) {
      window = { start: now, count: 0 };
      map.set(key, window);
    }
    return window;
  }
}
