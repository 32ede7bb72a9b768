import { isRetryable } from '@ops/resilience';
import { serializeSyncError, type SyncError } from '@ops/sse-events';
import { type Database, enqueueOutbox, finishRun, markAbandonedRuns, startRun } from '@ops/store';

import type { OutboxRelay } from '../outbox/outbox-relay';
import type { Integration, SyncJob } from './sync-job';

export type SkipReason = 'already running here' | 'locked by another process' | 'shutting down';

export type RunResult =
  | { status: 'skipped'; reason: SkipReason }
  | {
      status: 'succeeded' | 'partial' | 'failed' | 'interrupted';
      runId: string;
      durationMs: number;
      counters: Record<string, number>;
    };

export interface RunOptions {
  full?: boolean;
  progress?: (message: string) => void;
}

const INTERRUPTED: SyncError = {
  code: 'INTERRUPTED',
  message: 'stopped by a shutdown after its last committed page; the next run resumes from there',
};

/**
 * Runs sync jobs with what every worker needs: no overlapping runs in this process, a database
 * lock so one process runs a given integration, a run record (status, timing, counters, error),
 * the `*:sync_started` event committed with the new run record, the job's closing events committed
 * with the finished one, and on failure the `*:sync_error` event committed with the failed one.
 * A failing job never throws out of `run`: its failure is recorded and reported.
 */
export class SyncRunner {
  private readonly running = new Map<Integration, Promise<RunResult>>();
  private readonly shutdown = new AbortController();

  constructor(
    private readonly database: Database,
    private readonly relay?: OutboxRelay,
  ) {}

  run(job: SyncJob, options: RunOptions = {}): Promise<RunResult> {
    if (this.shutdown.signal.aborted) return Promise.resolve({ status: 'skipped', reason: 'shutting down' });
    if (this.running.has(job.integration)) return Promise.resolve({ status: 'skipped', reason: 'already running here' });
    const run = this.lockAndRun(job, options).finally(() => this.running.delete(job.integration));
    this.running.set(job.integration, run);
    return run;
  }

  /** Aborted once `stop()` is called: for clients that should stop waiting and retrying at shutdown. */
  get shutdownSignal(): AbortSignal {
    return this.shutdown.signal;
  }

  /** True while a run of `integration` is in progress in this process. */
  isRunning(integration: Integration): boolean {
    return this.running.has(integration);
  }

  /**
   * Marks runs of `integration` left `running` by a process that died as `abandoned`: only when
   * no one holds the integration's lock (a live run elsewhere keeps its record).
   * @returns how many runs were marked; 0 when the lock is held.
   */
  async reclaimAbandoned(integration: Integration): Promise<number> {
    const locked = await this.database.withLock(`sync:${integration}`, () => markAbandonedRuns(this.database.db, integration));
    return locked.acquired ? locked.value : 0;
  }

  /**
   * Stops for shutdown: refuses new runs, aborts the running ones (each stops after its last
   * committed page and is recorded `interrupted`) and waits until they have finished.
   */
  async stop(): Promise<void> {
    this.shutdown.abort(new Error('shutting down'));
    await Promise.allSettled([...this.running.values()]);
  }

  private async lockAndRun(job: SyncJob, options: RunOptions): Promise<RunResult> {
    try {
      const locked = await this.database.withLock(`sync:${job.integration}`, () => this.runLocked(job, options));
      return locked.acquired ? locked.value : { status: 'skipped', reason: 'locked by another process' };
    } finally {
      await this.relay?.drain().catch(() => undefined);
    }
  }

  private async runLocked(job: SyncJob, options: RunOptions): Promise<RunResult> {
    const started = Date.now();
    const run = await this.database.transaction(async (tx) => {
      // Holding the lock, any run still `running` belongs to a process that died.
      await markAbandonedRuns(tx, job.integration);
      const record = await startRun(tx, { integration: job.integration });
      await enqueueOutbox(tx, [job.startedEvent()]);
      return record;
    });
    await this.relay?.drain().catch(() => undefined);
    const progress = options.progress ?? (() => undefined);
    const signal = this.shutdown.signal;
    const result = (status: Exclude<RunResult['status'], 'skipped'>, counters: Record<string, number> = {}): RunResult => ({
      status,
      runId: run.id,
      durationMs: Date.now() - started,
      counters,
    });
    try {
      const outcome = await job.execute({ runId: run.id, database: this.database, full: options.full ?? false, signal, progress });
      await this.database.transaction(async (tx) => {
        await finishRun(tx, run.id, { status: outcome.status, counters: outcome.counters, ...(outcome.error ? { error: outcome.error } : {}) });
        await enqueueOutbox(tx, outcome.events ?? []);
      });
      return result(outcome.status, outcome.counters);
    } catch (error) {
      const interrupted = signal.aborted;
      const serialized = interrupted ? INTERRUPTED : serializeSyncError(error);
      await this.database.transaction(async (tx) => {
        await finishRun(tx, run.id, { status: interrupted ? 'interrupted' : 'failed', error: serialized });
        await enqueueOutbox(tx, [job.failedEvent(serialized, interrupted || isRetryable(error))]);
      });
      progress(`${job.integration}: ${interrupted ? 'interrupted' : 'failed'}: ${serialized.message}`);
      return result(interrupted ? 'interrupted' : 'failed');
    }
  }
}
