import { backoffDelay } from '@ops/sse-events';

import { isRetryable, RateLimitedError } from '../errors/sync-errors';

export interface RetryPolicy {
  /** Total tries, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 60_000 };

export interface RetryHooks {
  /** Called before each wait; for logs and progress, never for control flow. */
  onRetry?: (info: { attempt: number; delayMs: number; error: Error }) => void;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `operation`, retrying retryable failures ({@link isRetryable}). A {@link RateLimitedError}
 * waits what the API asked (`retryAfterMs`, capped at `maxDelayMs`); others back off exponentially
 * with jitter. Non-retryable errors and the last failure are rethrown unchanged.
 */
export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  hooks: RetryHooks = {},
): Promise<T> {
  const sleep = hooks.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (!isRetryable(error) || attempt >= policy.maxAttempts) throw error;
      const asked = error instanceof RateLimitedError ? error.retryAfterMs : undefined;
      const delayMs = Math.min(policy.maxDelayMs, asked ?? backoffDelay(attempt, policy.baseDelayMs, policy.maxDelayMs));
      hooks.onRetry?.({ attempt, delayMs, error: error as Error });
      await sleep(delayMs);
    }
  }
}
