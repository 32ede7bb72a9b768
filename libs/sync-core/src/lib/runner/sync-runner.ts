import { serializeSyncError } from '@ops/sse-events';
import { type Database, enqueueOutbox, finishRun, startRun } from '@ops/store';

import { isRetryable } from '../errors/sync-errors';
import type { OutboxRelay } from '../outbox/outbox-relay';
import type { Integration, SyncJob } from './sync-job';

export type RunResult =
  | { status: 'skipped'; reason: 'already running here' | 'locked by another process' }
  | { status: 'succeeded' | 'partial' | 'failed'; runId: string; durationMs: number; counters: Record<string, number> };

export interface RunOptions {
  full?: boolean;
  progress?: (message: string) => void;
}

/**
 * Runs sync jobs with what every worker needs: no overlapping runs in this process, a database
 * lock so one process runs a given integration, a run record (status, timing, counters, error),
 * the `*:sync_started` event, and on failure the `*:sync_error` event, all through the outbox.
 * A failing job never throws out of `run`: its failure is recorded and reported.
 */
export class SyncRunner {
  private readonly running = new Set<Integration>();

  constructor(
    private readonly database: Database,
    private readonly relay?: OutboxRelay,
  ) {}

  async run(job: SyncJob, options: RunOptions = {}): Promise<RunResult> {
    if (this.running.has(job.integration)) return { status: 'skipped', reason: 'already running here' };
    this.running.add(job.integration);
    try {
      const locked = await this.database.withLock(`sync:${job.integration}`, () => this.runLocked(job, options));
      return locked.acquired ? locked.value : { status: 'skipped', reason: 'locked by another process' };
    } finally {
      this.running.delete(job.integration);
      await this.relay?.drain().catch(() => undefined);
    }
  }

  private async runLocked(job: SyncJob, options: RunOptions): Promise<RunResult> {
    const started = Date.now();
    const run = await this.database.transaction(async (tx) => {
      const record = await startRun(tx, { integration: job.integration });
      await enqueueOutbox(tx, [job.startedEvent()]);
      return record;
    });
    await this.relay?.drain().catch(() => undefined);
    const progress = options.progress ?? (() => undefined);
    try {
      const outcome = await job.execute({ runId: run.id, database: this.database, full: options.full ?? false, progress });
      await finishRun(this.database.db, run.id, { status: outcome.status, counters: outcome.counters });
      return { status: outcome.status, runId: run.id, durationMs: Date.now() - started, counters: outcome.counters };
    } catch (error) {
      const serialized = serializeSyncError(error);
      await this.database.transaction(async (tx) => {
        await finishRun(tx, run.id, { status: 'failed', error: serialized });
        await enqueueOutbox(tx, [job.failedEvent(serialized, isRetryable(error))]);
      });
      progress(`${job.integration}: failed: ${serialized.message}`);
      return { status: 'failed', runId: run.id, durationMs: Date.now() - started, counters: {} };
    }
  }
}
