import type { Envelope, SyncError, System } from '@ops/sse-events';
import type { Database } from '@ops/store';

/** The systems that sync: every source the contract names except the hub itself. */
export type Integration = Exclude<System, 'hub'>;

export interface RunContext {
  runId: string;
  database: Database;
  /** Resync everything, ignoring stored cursors. */
  full: boolean;
  /**
   * Aborted when the process is shutting down. A job checks it at page boundaries (after a page
   * and its cursor are committed) and passes it to its client, so waits and requests stop too.
   */
  signal: AbortSignal;
  /** A progress line for the terminal and the logs. */
  progress(message: string): void;
}

export interface JobOutcome {
  /** `partial`: some accounts failed and the job already reported them. */
  status: 'succeeded' | 'partial' | 'failed';
  counters: Record<string, number>;
  /**
   * Events describing the run as a whole (e.g. `*:sync_completed`): committed in the same
   * transaction as the finished run record, never before it.
   */
  events?: Envelope[];
  /**
   * Why a `failed` job failed, when it reported that itself (its `*:sync_error` is in `events`)
   * instead of throwing: recorded on the run, so `GET /api/integrations` shows it.
   */
  error?: SyncError;
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
