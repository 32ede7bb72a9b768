/**
 * Delay before retry `attempt` (1-based): exponential from `baseMs`, capped at `maxMs`, with up to
 * 50% added jitter so that many clients recovering together do not retry in lockstep.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  const jitter = exponential >= 2 ? randomBelow(Math.floor(exponential / 2)) : 0;
  return Math.min(maxMs, exponential + jitter);
}

/**
 * A `Retry-After` header (seconds or an HTTP date) in milliseconds from `now`; a date in the past
 * is 0. `undefined` when the header is absent or unreadable (a negative number included).
 */
export function retryAfterMs(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A uniformly random integer in `[0, bound)` from the Web Crypto API (Node 20 and browsers). */
function randomBelow(bound: number): number {
  const [value] = globalThis.crypto.getRandomValues(new Uint32Array(1));
  return value % bound;
}
