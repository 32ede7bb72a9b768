import { backoffDelay } from './backoff';
import { isRetryable, RateLimitedError, TransientError } from './errors/sync-errors';
import { sleep as defaultSleep } from './sleep';

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
  /** Replaces the wait between tries (tests); default {@link sleep}. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /**
   * Stops retrying: once aborted, no further try starts, a wait in progress ends at once, and a
   * failure is not retried; `withRetry` rejects with `signal.reason`.
   */
  signal?: AbortSignal;
}

/**
 * Runs `operation`, retrying retryable failures ({@link isRetryable}). A failure that says how long
 * to wait ({@link RateLimitedError}, or a {@link TransientError} from a 503 with `Retry-After`) waits
 * exactly that, capped at `maxDelayMs`; others back off exponentially with jitter. Non-retryable
 * errors and the last failure are rethrown unchanged.
 */
export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  hooks: RetryHooks = {},
): Promise<T> {
  const { signal, sleep = defaultSleep } = hooks;
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    try {
      return await operation(attempt);
    } catch (error) {
      signal?.throwIfAborted();
      if (!isRetryable(error) || attempt >= policy.maxAttempts) throw error;
      const asked = error instanceof RateLimitedError || error instanceof TransientError ? error.retryAfterMs : undefined;
      const delayMs = Math.min(policy.maxDelayMs, asked ?? backoffDelay(attempt, policy.baseDelayMs, policy.maxDelayMs));
      hooks.onRetry?.({ attempt, delayMs, error: error as Error });
      await sleep(delayMs, signal);
    }
  }
}
