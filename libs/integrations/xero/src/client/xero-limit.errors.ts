import { SyncFailure } from '@ops/sync-core';

/** The tenant spent its daily call allowance: it is not called again until the limit resets. */
export class DayLimitReachedError extends SyncFailure {
  override readonly name = 'DayLimitReachedError';
  readonly retryable = false;
  readonly code = 'day_limit';
  constructor(
    message: string,
    /** When the tenant may be called again (epoch ms). */
    readonly resetsAt: number,
  ) {
    super(message);
  }
}
