import { createEnvelope, type EventSource } from '@ops/sse-events';
import { defineWorker, type JobOutcome, type RunContext, type SyncJob } from '@ops/sync-core';

import { ForecastJobEngine, newJobId } from './forecast-job.engine';
import { type ForecastConfig, readForecastConfig } from './forecast-jobs.config';

/**
 * The nightly full forecast job on the worker platform (`integration: 'forecast'`, cron
 * `FORECAST_CRON`): every SKU of every channel, horizon `FORECAST_HORIZON_DAYS`. Configured whenever
 * the store is: it reads only stored orders. Its progress goes through the outbox.
 */
export const forecastWorker = defineWorker<ForecastConfig>({
  integration: 'forecast',
  title: 'Demand forecast',
  readConfig(env) {
    const config = readForecastConfig(env);
    return { configured: true, config, accounts: [{ id: 'all', label: 'every SKU of every channel' }], cron: config.cron };
  },
  createJob(config, { database, shutdownSignal }) {
    return new NightlyForecastJob(config, new ForecastJobEngine({ database, config, shutdownSignal }));
  },
});

/** One full job per run; the run's events carry the job's id, named when the run starts. */
class NightlyForecastJob implements SyncJob {
  readonly integration = 'forecast' as const;
  private jobId = newJobId();

  constructor(
    private readonly config: ForecastConfig,
    private readonly engine: ForecastJobEngine,
  ) {}

  startedEvent() {
    this.jobId = newJobId();
    return createEnvelope('forecast:progress', this.source(), { jobId: this.jobId, stage: 'loading_history', progress: 0 });
  }

  failedEvent(error: { code: string; message: string }) {
    return createEnvelope('forecast:error', this.source(), { jobId: this.jobId, error });
  }

  async execute(context: RunContext): Promise<JobOutcome> {
    const submitted = await this.engine.submit({ skus: null, sources: null, horizonDays: this.config.horizonDays }, 'schedule', this.jobId);
    if (submitted.joined) {
      context.progress(`forecast: a full job is already running (${submitted.jobId})`);
      return { status: 'succeeded', counters: { joined: 1 } };
    }
    await submitted.finished;
    const job = await this.engine.get(submitted.jobId);
    const skus = job?.summary?.skus;
    const counters = { skus: skus?.total ?? 0, forecast: skus?.forecast ?? 0, insufficientHistory: skus?.insufficient_history ?? 0 };
    // The job committed its own closing event (forecast:complete or forecast:error) with its results.
    if (job?.status === 'succeeded') return { status: 'succeeded', counters };
    return { status: 'failed', counters, ...(job?.error ? { error: job.error } : {}) };
  }

  private source(): EventSource {
    return { system: 'forecast', account: 'all', environment: this.config.environment };
  }
}
