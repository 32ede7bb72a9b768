import { z } from 'zod';

import { CountSchema, IdentifierSchema, IsoDateSchema, JobIdSchema, SyncErrorSchema } from './common.schema';

/** The stages of a forecast job, in the order they run. */
export const FORECAST_STAGES = ['loading_history', 'fitting', 'backtesting', 'saving'] as const;
export const ForecastStageSchema = z.enum(FORECAST_STAGES);

/** Longest horizon a job may ask for, in days. */
export const FORECAST_MAX_HORIZON_DAYS = 180;
/** Most SKUs one `forecast:complete` carries; the rest are in `GET /api/forecast-jobs/{jobId}`. */
export const FORECAST_COMPLETE_MAX_SKUS = 100;
/** Most forecast points one `forecast:complete` carries in all (about 100 bytes each). */
export const FORECAST_COMPLETE_MAX_POINTS = 2000;

/** Progress of the job's current stage; a job's events have non-decreasing `progress` over the whole job. */
export const ForecastProgressSchema = z.strictObject({
  jobId: JobIdSchema,
  stage: ForecastStageSchema,
  /** Share of the whole job done, 0..1. */
  progress: z.number().min(0).max(1),
  /** SKUs done in this stage, and how many it has. */
  done: CountSchema.optional(),
  total: CountSchema.optional(),
});

const Quantity = z.number().finite().nonnegative();

/** One forecast day: expected units and the central 80 % and 95 % prediction intervals (never below zero). */
const ForecastPointSchema = z
  .strictObject({ date: IsoDateSchema, mean: Quantity, lo80: Quantity, hi80: Quantity, lo95: Quantity, hi95: Quantity })
  .refine((p) => p.lo95 <= p.lo80 && p.lo80 <= p.hi80 && p.hi80 <= p.hi95, {
    message: 'intervals must nest: lo95 <= lo80 <= hi80 <= hi95',
  });

const Share = z.number().min(0).max(1);
const Ratio = z.number().finite().nonnegative();

/**
 * Rolling-origin backtest of the chosen method. `mase`: mean absolute scaled error against one-step seasonal
 * naive (below 1 beats it); `relativeMae`: MAE over that of seasonal-naive forecasts from the same origins;
 * `coverage80`/`coverage95`: share of held-out days inside the intervals. A figure that cannot be computed
 * honestly is null, and `reason` says why.
 */
export const ForecastAccuracySchema = z.strictObject({
  mase: Ratio.nullable(),
  relativeMae: Ratio.nullable(),
  coverage80: Share.nullable(),
  coverage95: Share.nullable(),
  origins: CountSchema,
  horizon: CountSchema,
  points: CountSchema,
  reason: z.string().min(1).max(500).optional(),
});

/** The days of history a forecast was made from (business time zone), first sale to the job's last full day. */
const HistoryWindowSchema = z.strictObject({ from: IsoDateSchema, to: IsoDateSchema, days: CountSchema });

const SkuForecastSchema = z.strictObject({
  sku: IdentifierSchema,
  status: z.literal('ok'),
  method: z.enum(['ets', 'tsb', 'seasonal_naive']),
  /** e.g. `ETS(A,Ad,A)`, `TSB`, `SNAIVE(7)`. */
  model: z.string().min(1).max(40),
  /**
   * From the backtest: `high` when MASE < 0.8, relativeMae < 1, 80 % coverage within 0.10 of 0.80 and 95 %
   * coverage >= 0.85; `medium` when MASE < 1 and 80 % coverage within 0.20 of 0.80; `low` otherwise;
   * `unknown` without backtest figures (see docs/benchmarks.md).
   */
  confidence: z.enum(['high', 'medium', 'low', 'unknown']),
  accuracy: ForecastAccuracySchema,
  history: HistoryWindowSchema,
  points: z.array(ForecastPointSchema).min(1).max(FORECAST_MAX_HORIZON_DAYS),
});

/**
 * A finished job. `forecasts` is bounded: at most {@link FORECAST_COMPLETE_MAX_SKUS} SKUs and
 * {@link FORECAST_COMPLETE_MAX_POINTS} points, the SKUs with the largest expected demand first; when it holds
 * fewer than `skus.forecast`, `truncated` is true and the full result is at `resultPath`
 * (`GET /api/forecast-jobs/{jobId}`). SKUs with too little history are counted, never given invented points.
 */
export const ForecastCompleteSchema = z
  .strictObject({
    jobId: JobIdSchema,
    horizonDays: z.number().int().min(1).max(FORECAST_MAX_HORIZON_DAYS),
    /** Last full day of history used (business time zone). Null when the store had no sales at all. */
    historyThrough: IsoDateSchema.nullable(),
    skus: z.strictObject({ total: CountSchema, forecast: CountSchema, insufficient_history: CountSchema }),
    forecasts: z.array(SkuForecastSchema).max(FORECAST_COMPLETE_MAX_SKUS),
    truncated: z.boolean(),
    resultPath: z.string().regex(/^\/api\/forecast-jobs\/[A-Za-z0-9_-]+$/),
  })
  .refine((p) => p.forecasts.reduce((n, f) => n + f.points.length, 0) <= FORECAST_COMPLETE_MAX_POINTS, {
    message: `at most ${FORECAST_COMPLETE_MAX_POINTS} points in all`,
    path: ['forecasts'],
  })
  .refine((p) => p.forecasts.length <= p.skus.forecast && p.truncated === p.forecasts.length < p.skus.forecast, {
    message: 'truncated must say whether forecasts holds every forecast SKU',
    path: ['truncated'],
  });

/** A job that stopped: `cancelled` after `DELETE /api/forecast-jobs/{jobId}`, otherwise the failure's code. */
export const ForecastErrorSchema = z.strictObject({
  jobId: JobIdSchema,
  error: SyncErrorSchema,
});

export type ForecastStageName = z.infer<typeof ForecastStageSchema>;
export type SkuForecastPayload = z.infer<typeof SkuForecastSchema>;
export type ForecastAccuracyPayload = z.infer<typeof ForecastAccuracySchema>;
