import type { Envelope, SyncError } from '@ops/sse-events';
import type { Database } from '@ops/store';

export type Integration = 'shopify' | 'xero' | 'amazon' | 'unleashed' | 'forecast';

export interface RunContext {
  runId: string;
  database: Database;
  /** Resync everything, ignoring stored cursors. */
  full: boolean;
  /** A progress line for the terminal and the logs. */
  progress(message: string): void;
}

export interface JobOutcome {
  /** `partial`: some accounts failed and the job already reported them. */
  status: 'succeeded' | 'partial' | 'failed';
  counters: Record<string, number>;
}

/** What one integration gives the runner: its events, and the work itself. */
export interface SyncJob {
  readonly integration: Integration;
  /** The `*:sync_started` envelope of this run. */
  startedEvent(): Envelope;
  /** The `*:sync_error` envelope for a failure that stopped the whole run. */
  failedEvent(error: SyncError, retryable: boolean): Envelope;
  execute(context: RunContext): Promise<JobOutcome>;
}
