import { sql } from 'drizzle-orm';
import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';

import { timestamptz } from './columns';

/** What a forecast job covers: every SKU or the listed ones, from every channel or the listed integrations. */
export interface ForecastJobScope {
  skus: string[] | null;
  sources: string[] | null;
  horizonDays: number;
}

/** A finished job's counts; the per-SKU results are rows of `forecast_results`. */
export interface ForecastJobSummary {
  historyThrough: string | null;
  skus: { total: number; forecast: number; insufficient_history: number };
}

export interface StoredForecastPoint {
  date: string;
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

/** Backtest figures as the forecasting library reports them; null figures carry `reason`. */
export interface StoredForecastAccuracy {
  mase: number | null;
  relativeMae: number | null;
  coverage80: number | null;
  coverage95: number | null;
  origins: number;
  horizon: number;
  points: number;
  reason?: string;
}

/**
 * Forecast jobs. At most one job per `scope_key` is `queued` or `running` at a time (a unique
 * partial index), so a second request for the same scope finds and joins it, in any process.
 */
export const forecastJobs = pgTable(
  'forecast_jobs',
  {
    id: text('id').primaryKey(),
    scopeKey: text('scope_key').notNull(),
    scope: jsonb('scope').$type<ForecastJobScope>().notNull(),
    /** `api` or `schedule`. */
    trigger: text('trigger').notNull(),
    /** queued | running | succeeded | failed | cancelled */
    status: text('status').notNull(),
    stage: text('stage'),
    progress: doublePrecision('progress').notNull().default(0),
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    requestedAt: timestamptz('requested_at').notNull().defaultNow(),
    startedAt: timestamptz('started_at'),
    finishedAt: timestamptz('finished_at'),
    error: jsonb('error').$type<{ code: string; message: string }>(),
    summary: jsonb('summary').$type<ForecastJobSummary>(),
  },
  (t) => [
    uniqueIndex('forecast_jobs_active_scope_idx').on(t.scopeKey).where(sql`${t.status} in ('queued', 'running')`),
    index('forecast_jobs_requested_idx').on(t.requestedAt),
  ],
);

/** One SKU's result of a job: a forecast with its method, estimates and backtest, or why there is none. */
export const forecastResults = pgTable(
  'forecast_results',
  {
    jobId: text('job_id')
      .notNull()
      .references(() => forecastJobs.id, { onDelete: 'cascade' }),
    sku: text('sku').notNull(),
    /** ok | insufficient_history */
    status: text('status').notNull(),
    method: text('method'),
    model: text('model'),
    parameters: jsonb('parameters').$type<Record<string, number>>(),
    accuracy: jsonb('accuracy').$type<StoredForecastAccuracy>(),
    confidence: text('confidence'),
    reason: text('reason'),
    /** The daily history used (business time zone): first sale to the job's last full day. */
    historyFrom: date('history_from', { mode: 'string' }).notNull(),
    historyTo: date('history_to', { mode: 'string' }).notNull(),
    historyDays: integer('history_days').notNull(),
    /** Most recent days the model was estimated on. */
    estimatedOn: integer('estimated_on').notNull(),
    points: jsonb('points').$type<StoredForecastPoint[]>(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'forecast_results_pk', columns: [t.jobId, t.sku] }),
    index('forecast_results_sku_created_idx').on(t.sku, t.createdAt),
  ],
);
