import { randomInt } from 'node:crypto';

/**
 * Delay before retry `attempt` (1-based): exponential from `baseMs`, capped at `maxMs`, with up to
 * 50% added jitter so that many publishers recovering together do not retry in lockstep.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  const jitter = exponential >= 2 ? randomInt(0, Math.floor(exponential / 2)) : 0;
  return Math.min(maxMs, exponential + jitter);
}

/** Seconds or an HTTP date, as `Retry-After` allows; `undefined` when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
