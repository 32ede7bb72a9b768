import { serializeSyncError, type SyncError } from '@ops/sse-events';

import { isRetryable } from '@ops/resilience';

export type AccountOutcome<A, R> =
  | { account: A; status: 'succeeded'; value: R }
  | { account: A; status: 'failed'; error: SyncError; retryable: boolean };

export interface FanOutOptions<A> {
  /** Shutdown: once every account has settled, an aborted signal is rethrown (the run is `interrupted`). */
  signal?: AbortSignal;
  /**
   * Reports one account's failure (e.g. commits its `*:sync_error`). The error is already
   * serialised with secrets stripped. Not called for an account stopped by the signal.
   */
  onFailure?: (account: A, error: SyncError, retryable: boolean) => Promise<void>;
}

/**
 * Runs `work` for every account at once; each account fails on its own and the others go on.
 * @returns one outcome per account, in the order of `accounts`.
 * @throws the signal's reason when it was aborted (after every account has settled).
 */
export async function forEachAccount<A, R>(
  accounts: readonly A[],
  work: (account: A) => Promise<R>,
  options: FanOutOptions<A> = {},
): Promise<AccountOutcome<A, R>[]> {
  const outcomes = await Promise.all(
    accounts.map(async (account): Promise<AccountOutcome<A, R>> => {
      try {
        return { account, status: 'succeeded', value: await work(account) };
      } catch (error) {
        const serialized = serializeSyncError(error);
        const retryable = isRetryable(error);
        if (!options.signal?.aborted) await options.onFailure?.(account, serialized, retryable);
        return { account, status: 'failed', error: serialized, retryable };
      }
    }),
  );
  options.signal?.throwIfAborted();
  return outcomes;
}

/** `succeeded` when every account did, `failed` when none did, `partial` otherwise (and for no accounts, `succeeded`). */
export function fanOutStatus(outcomes: readonly { status: 'succeeded' | 'failed' }[]): 'succeeded' | 'partial' | 'failed' {
  const failed = outcomes.filter((o) => o.status === 'failed').length;
  if (failed === 0) return 'succeeded';
  return failed === outcomes.length ? 'failed' : 'partial';
}
