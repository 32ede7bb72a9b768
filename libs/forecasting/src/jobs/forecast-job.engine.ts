import { randomUUID } from 'node:crypto';

import {
  createEnvelope,
  type Envelope,
  type EventPublisher,
  type EventSource,
  type ForecastStageName,
  serializeSyncError,
  type SyncError,
} from '@ops/sse-events';
import {
  countSkusSold,
  type Database,
  enqueueOutbox,
  type Executor,
  findActiveForecastJob,
  type ForecastJob,
  type ForecastJobScope,
  type ForecastResult,
  listForecastResults,
  getForecastJob,
  insertForecastJob,
  insertForecastResults,
  lastFullDay,
  listActiveForecastJobs,
  markForecastJobAbandoned,
  requestForecastCancel,
  streamDailySalesBySku,
  updateForecastJob,
} from '@ops/store';

import { ForecastCancelledError } from '../lib/errors';
import { forecastMany } from '../lib/forecast-many';
import { forecastCompletePayload } from './forecast-complete.payload';
import type { ForecastConfig } from './forecast-jobs.config';
import { scopeKeyOf } from './forecast-job.request';
import { ProgressTracker } from './forecast-progress';
import { type SkuOutcome, toStoredResult } from './sku-outcome.mapper';

export interface ForecastJobEngineDeps {
  database: Database;
  config: Pick<ForecastConfig, 'timeZone' | 'environment'>;
  /** Sends progress events at once (the process's publisher); without it they go through the outbox. */
  publisher?: EventPublisher;
  /** Publishes committed outbox entries; called after a job's closing events are committed. */
  relay?: { drain(): Promise<number> };
  /** Aborted at shutdown: running jobs stop at the next SKU, recorded `failed` with code `interrupted`. */
  shutdownSignal?: AbortSignal;
  log?: (message: string) => void;
}

export interface Submitted {
  jobId: string;
  /** True when a job of the same scope was already queued or running: this is its id. */
  joined: boolean;
  /** Settles when this process's run of the job ends (immediately resolved for a joined job). */
  finished: Promise<void>;
}

/** How often a running job looks for a cancel requested through the store (another process's DELETE). */
const CANCEL_POLL_MS = 250;

/**
 * Runs forecast jobs over the stored order history: one job per scope at a time (the store's
 * unique index decides, so it holds across processes), stages loading history -> fitting ->
 * backtesting -> saving with progress events, results and the closing event committed together.
 */
export class ForecastJobEngine {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly deps: ForecastJobEngineDeps) {}

  /**
   * Starts a job for `scope` in the background, or joins the queued/running job of the same scope.
   * `jobId` may be given (the worker platform names the run before it starts).
   */
  async submit(scope: ForecastJobScope, trigger: 'api' | 'schedule', jobId = newJobId()): Promise<Submitted> {
    const scopeKey = scopeKeyOf(scope);
    for (let attempt = 0; attempt < 3; attempt++) {
      const job = await insertForecastJob(this.deps.database.db, { id: jobId, scopeKey, scope, trigger });
      if (job) {
        const controller = new AbortController();
        this.running.set(job.id, controller);
        const finished = this.run(job, controller).finally(() => this.running.delete(job.id));
        return { jobId: job.id, joined: false, finished };
      }
      const active = await findActiveForecastJob(this.deps.database.db, scopeKey);
      if (active) return { jobId: active.id, joined: true, finished: Promise.resolve() };
    }
    throw new Error('could not start or join a forecast job for this scope');
  }

  get(jobId: string): Promise<ForecastJob | null> {
    return getForecastJob(this.deps.database.db, jobId);
  }

  /** Every SKU's stored result of a job, by SKU. */
  results(jobId: string): Promise<ForecastResult[]> {
    return listForecastResults(this.deps.database.db, jobId);
  }

  /**
   * Asks a queued or running job to stop; it stops before its next SKU and ends with
   * `forecast:error` code `cancelled`. @returns false when the job is unknown or already finished.
   */
  async cancel(jobId: string): Promise<boolean> {
    const requested = await requestForecastCancel(this.deps.database.db, jobId);
    if (requested) this.running.get(jobId)?.abort(new ForecastCancelledError(0));
    return requested;
  }

  /** Marks jobs left active by a stopped process as failed (`abandoned`), unless a live process holds their scope. */
  async reclaimAbandoned(): Promise<number> {
    let reclaimed = 0;
    for (const job of await listActiveForecastJobs(this.deps.database.db)) {
      if (this.running.has(job.id)) continue;
      const locked = await this.deps.database.withLock(lockKey(job.scopeKey), () => markForecastJobAbandoned(this.deps.database.db, job.id));
      if (locked.acquired && locked.value) reclaimed++;
    }
    return reclaimed;
  }

  /** Cancels every job this process runs, for shutdown, and waits until each has recorded its end. */
  async stop(): Promise<void> {
    for (const controller of this.running.values()) controller.abort(new Error('shutting down'));
    while (this.running.size > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  private async run(job: ForecastJob, controller: AbortController): Promise<void> {
    const { database } = this.deps;
    const onShutdown = () => controller.abort(new Error('shutting down'));
    this.deps.shutdownSignal?.addEventListener('abort', onShutdown, { once: true });
    const poll = setInterval(() => void this.pollCancel(job.id, controller), CANCEL_POLL_MS);
    try {
      const locked = await database.withLock(lockKey(job.scopeKey), () => this.execute(job, controller.signal));
      if (!locked.acquired) throw new Error('another process holds this scope');
    } catch (error) {
      await this.fail(job, controller.signal, error).catch((e: Error) => this.deps.log?.(`forecast ${job.id}: could not record its end: ${e.message}`));
    } finally {
      clearInterval(poll);
      this.deps.shutdownSignal?.removeEventListener('abort', onShutdown);
      await this.deps.relay?.drain().catch(() => undefined);
    }
  }

  private async execute(job: ForecastJob, signal: AbortSignal): Promise<void> {
    const { database, config } = this.deps;
    const db = database.db;
    const scope = job.scope;
    const tracker = new ProgressTracker();
    // Reports go out one after another, in the order the tracker decided them.
    let reported: Promise<void> = Promise.resolve();
    const report = (stage: ForecastStageName, done: number, total: number, executor: Executor = db): Promise<void> => {
      const update = tracker.update(stage, done, total);
      if (!update) return reported;
      reported = reported
        .then(async () => {
          await updateForecastJob(executor, job.id, { stage: update.stage, progress: update.progress });
          await this.sendProgress(executor, createEnvelope('forecast:progress', this.source(), { jobId: job.id, ...update }));
        })
        .catch((e: Error) => this.deps.log?.(`forecast ${job.id}: progress not recorded: ${e.message}`));
      return reported;
    };
    await updateForecastJob(db, job.id, { status: 'running', startedAt: new Date() });

    const through = await lastFullDay(db, config.timeZone);
    const historyOptions = { timeZone: config.timeZone, through, ...(scope.skus ? { skus: scope.skus } : {}), ...(scope.sources ? { sources: scope.sources } : {}) };
    const total = await countSkusSold(db, historyOptions);
    await report('loading_history', 0, total);
    const histories: { sku: string; from: string; values: Float64Array }[] = [];
    for await (const history of streamDailySalesBySku(db, historyOptions)) {
      if (signal.aborted) throw signal.reason;
      histories.push({ sku: history.sku, from: history.from, values: Float64Array.from(history.units) });
      await report('loading_history', histories.length, total);
    }
    await report('loading_history', total, total);

    const results = await forecastMany(
      histories.map((h) => ({ id: h.sku, values: h.values })),
      {
        frequency: 'day',
        horizon: scope.horizonDays,
        signal,
        onProgress: (p) => void report(p.stage, p.done, p.total),
      },
    );
    await reported;
    const outcomes: SkuOutcome[] = results.map((r, i) => ({
      sku: r.id,
      from: histories[i].from,
      through,
      days: histories[i].values.length,
      result: r.result,
    }));
    if (signal.aborted) throw signal.reason;

    const rows = outcomes.map((o) => toStoredResult(job.id, o));
    const complete = forecastCompletePayload(job.id, scope.horizonDays, outcomes.length > 0 ? through : null, outcomes);
    await report('saving', 0, rows.length);
    await database.transaction(async (tx) => {
      const chunkSize = Math.max(1, Math.ceil(rows.length / 20));
      for (let start = 0; start < rows.length; start += chunkSize) {
        await insertForecastResults(tx, rows.slice(start, start + chunkSize));
        await report('saving', Math.min(rows.length, start + chunkSize), rows.length, tx);
      }
      await updateForecastJob(tx, job.id, {
        status: 'succeeded',
        stage: 'saving',
        progress: 1,
        finishedAt: new Date(),
        summary: { historyThrough: complete.historyThrough, skus: complete.skus },
      });
      await enqueueOutbox(tx, [createEnvelope('forecast:complete', this.source(), complete)]);
    });
    this.deps.log?.(`forecast ${job.id}: ${complete.skus.forecast} forecast, ${complete.skus.insufficient_history} with too little history`);
  }

  private async fail(job: ForecastJob, signal: AbortSignal, error: unknown): Promise<void> {
    const reason: unknown = signal.aborted ? signal.reason : error;
    const shutdown = reason instanceof Error && reason.message === 'shutting down';
    const cancelled = !shutdown && (reason instanceof ForecastCancelledError || error instanceof ForecastCancelledError);
    const serialized: SyncError = shutdown
      ? { code: 'interrupted', message: 'stopped by a shutdown; request the job again' }
      : cancelled
        ? { code: 'cancelled', message: `cancelled by DELETE /api/forecast-jobs/${job.id}` }
        : serializeSyncError(error);
    await this.deps.database.transaction(async (tx) => {
      await updateForecastJob(tx, job.id, { status: cancelled ? 'cancelled' : 'failed', finishedAt: new Date(), error: serialized });
      await enqueueOutbox(tx, [createEnvelope('forecast:error', this.source(), { jobId: job.id, error: serialized })]);
    });
    this.deps.log?.(`forecast ${job.id}: ${serialized.code}: ${serialized.message}`);
  }

  private async pollCancel(jobId: string, controller: AbortController): Promise<void> {
    if (controller.signal.aborted) return;
    const job = await getForecastJob(this.deps.database.db, jobId).catch(() => null);
    if (job?.cancelRequested) controller.abort(new ForecastCancelledError(0));
  }

  private async sendProgress(executor: Executor, envelope: Envelope): Promise<void> {
    if (!this.deps.publisher) {
      await enqueueOutbox(executor, [envelope]);
      return;
    }
    await this.deps.publisher.publish(envelope).catch((error: Error) => this.deps.log?.(`forecast progress not delivered: ${error.message}`));
  }

  private source(): EventSource {
    return { system: 'forecast', account: 'all', environment: this.deps.config.environment };
  }
}

const lockKey = (scopeKey: string) => `forecast:${scopeKey}`;

/** `fc-` and a random UUID: unguessable, so a job's channel is not found by counting. */
export function newJobId(): string {
  return `fc-${randomUUID()}`;
}
