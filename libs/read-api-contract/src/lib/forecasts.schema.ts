import { CountSchema, EventSourceSchema, eventSchemas, ForecastAccuracySchema, IsoDateSchema, IsoDateTimeSchema, JobIdSchema } from '@ops/sse-events';
import { z } from 'zod';

import { ForecastJobStatusSchema } from './forecast-jobs.schema';
import { ReasonSchema, responseFields } from './sections.schema';

const skuForecast = eventSchemas['forecast:complete'].shape.forecasts.element.shape;

/** Units sold on one day (business time zone), net of refunded units: what the forecast was fitted on. */
export const ActualPointSchema = z.strictObject({ date: IsoDateSchema, units: z.number().finite().nonnegative() });

/** One SKU's forecast from the latest finished job, with its recent actuals for the chart. */
export const SkuForecastEntrySchema = z.strictObject({
  sku: skuForecast.sku,
  method: skuForecast.method,
  model: skuForecast.model,
  confidence: skuForecast.confidence,
  accuracy: ForecastAccuracySchema,
  history: skuForecast.history,
  /** The last `actualDays` days of history up to `historyThrough` (days without sales are 0). */
  actuals: z.array(ActualPointSchema).max(366),
  points: skuForecast.points,
});

/** A job queued or running now, so a page opened mid-job can show its progress. */
export const ActiveForecastJobSchema = z.strictObject({
  jobId: JobIdSchema,
  status: ForecastJobStatusSchema,
  stage: z.string().nullable(),
  progress: z.number().min(0).max(1),
  requestedAt: IsoDateTimeSchema,
});

const LatestForecastSchema = z.discriminatedUnion('status', [
  /** No job has succeeded yet. */
  z.strictObject({ status: z.literal('no_data'), reason: ReasonSchema }),
  z.strictObject({
    status: z.literal('ok'),
    jobId: JobIdSchema,
    trigger: z.enum(['api', 'schedule']),
    finishedAt: IsoDateTimeSchema,
    horizonDays: z.number().int().positive(),
    /** Last full day of history used; null when there were no sales at all. */
    historyThrough: IsoDateSchema.nullable(),
    timeZone: z.string().min(1).max(64),
    skus: z.strictObject({ total: CountSchema, forecast: CountSchema, insufficient_history: CountSchema }),
    /** Days of actuals each entry carries. */
    actualDays: CountSchema,
    /** The SKUs with the largest expected demand first, at most `limit`; the rest are at `/api/forecast-jobs/{jobId}`. */
    limit: CountSchema,
    truncated: z.boolean(),
    forecasts: z.array(SkuForecastEntrySchema).max(100),
  }),
]);

/** `GET /api/forecasts`: the latest succeeded job's forecasts, and the job running now if any. */
export const ForecastsResponseSchema = z.strictObject({
  ...responseFields,
  /** `forecast` / `all`; sandbox when any sales channel is configured against a sandbox. */
  source: EventSourceSchema,
  activeJob: ActiveForecastJobSchema.nullable(),
  latest: LatestForecastSchema,
});

export type ActualPoint = z.infer<typeof ActualPointSchema>;
export type SkuForecastEntry = z.infer<typeof SkuForecastEntrySchema>;
export type ActiveForecastJob = z.infer<typeof ActiveForecastJobSchema>;
export type ForecastsResponse = z.infer<typeof ForecastsResponseSchema>;
