import { backoffDelay } from '@ops/resilience';

import type { BackoffOptions } from './sse-client.types';

export const DEFAULT_BACKOFF = { baseMs: 1_000, maxMs: 30_000 } as const;

/**
 * The wait before reconnect `attempt` (1-based): the shared `backoffDelay` (exponential, up to 50%
 * jitter, capped), starting from the hub's `retry:` hint when it sent one, else from `baseMs`.
 * A hint above `maxMs` raises the cap to the hint: the hub asked for at least that long.
 */
export function reconnectDelay(attempt: number, options: BackoffOptions = {}, serverRetryMs?: number): number {
  const base = serverRetryMs ?? options.baseMs ?? DEFAULT_BACKOFF.baseMs;
  const max = Math.max(base, options.maxMs ?? DEFAULT_BACKOFF.maxMs);
  return backoffDelay(attempt, base, max);
}

/**
 * The wait when the hub answered with `Retry-After` (429, 503): at least that long, and never less
 * than the backoff would give.
 */
export function delayAfterRefusal(attempt: number, options: BackoffOptions, serverRetryMs: number | undefined, retryAfterMs: number | undefined): number {
  const backoff = reconnectDelay(attempt, options, serverRetryMs);
  return retryAfterMs === undefined ? backoff : Math.max(backoff, retryAfterMs);
}
