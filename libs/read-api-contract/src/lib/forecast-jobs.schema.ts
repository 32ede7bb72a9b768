import {
  CountSchema,
  FORECAST_MAX_HORIZON_DAYS,
  ForecastAccuracySchema,
  ForecastStageSchema,
  IdentifierSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  JobIdSchema,
  SyncErrorSchema,
} from '@ops/sse-events';
import { z } from 'zod';

export const FORECAST_JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export const ForecastJobStatusSchema = z.enum(FORECAST_JOB_STATUSES);

/** What a job covers: every SKU (`null`) or the listed ones, from every channel or the listed integrations. */
export const ForecastJobScopeSchema = z.strictObject({
  skus: z.array(IdentifierSchema).nullable(),
  sources: z.array(z.string().min(1)).nullable(),
  horizonDays: z.number().int().positive(),
});

export const ForecastJobSummarySchema = z.strictObject({
  historyThrough: IsoDateSchema.nullable(),
  skus: z.strictObject({ total: CountSchema, forecast: CountSchema, insufficient_history: CountSchema }),
});

const StoredPointSchema = z.strictObject({
  date: IsoDateSchema,
  mean: z.number(),
  lo80: z.number(),
  hi80: z.number(),
  lo95: z.number(),
  hi95: z.number(),
});

/** One SKU's stored result (`forecast_results`): a forecast (`ok`) or why there is none. */
export const ForecastJobResultSchema = z.strictObject({
  sku: z.string().min(1),
  status: z.enum(['ok', 'insufficient_history']),
  method: z.string().nullable(),
  model: z.string().nullable(),
  parameters: z.record(z.string(), z.number()).nullable(),
  accuracy: ForecastAccuracySchema.nullable(),
  confidence: z.string().nullable(),
  reason: z.string().nullable(),
  historyFrom: IsoDateSchema,
  historyTo: IsoDateSchema,
  historyDays: CountSchema,
  estimatedOn: CountSchema,
  points: z.array(StoredPointSchema).nullable(),
  createdAt: IsoDateTimeSchema,
});

/** `GET /api/forecast-jobs/{jobId}`: status, progress and, once succeeded, every SKU's result. */
export const ForecastJobResponseSchema = z.strictObject({
  jobId: JobIdSchema,
  status: ForecastJobStatusSchema,
  stage: ForecastStageSchema.nullable(),
  /** Share of the whole job done, 0..1. */
  progress: z.number().min(0).max(1),
  trigger: z.enum(['api', 'schedule']),
  scope: ForecastJobScopeSchema,
  requestedAt: IsoDateTimeSchema,
  startedAt: IsoDateTimeSchema.nullable(),
  finishedAt: IsoDateTimeSchema.nullable(),
  error: SyncErrorSchema.nullable(),
  summary: ForecastJobSummarySchema.nullable(),
  forecasts: z.array(ForecastJobResultSchema).nullable(),
});

/** `POST /api/forecast-jobs` (202): the job started or joined, and where its events and result are. */
export const ForecastJobCreatedResponseSchema = z.strictObject({
  jobId: JobIdSchema,
  joined: z.boolean(),
  events: z.string().regex(/^\/sse\/jobs\/[A-Za-z0-9_-]+$/),
  result: z.string().regex(/^\/api\/forecast-jobs\/[A-Za-z0-9_-]+$/),
});

/** `POST /api/forecast-jobs` body (the forecasting lib's `ForecastJobRequestSchema`): default every SKU and channel. */
export const ForecastJobRequestBodySchema = z.strictObject({
  skus: z.array(IdentifierSchema).min(1).max(10_000).optional(),
  horizonDays: z.number().int().min(1).max(FORECAST_MAX_HORIZON_DAYS),
  sources: z.array(z.enum(['shopify', 'amazon'])).min(1).optional(),
});

export type ForecastJobStatus = z.infer<typeof ForecastJobStatusSchema>;
export type ForecastJobResult = z.infer<typeof ForecastJobResultSchema>;
export type ForecastJobResponse = z.infer<typeof ForecastJobResponseSchema>;
export type ForecastJobCreatedResponse = z.infer<typeof ForecastJobCreatedResponseSchema>;
export type ForecastJobRequestBody = z.infer<typeof ForecastJobRequestBodySchema>;
