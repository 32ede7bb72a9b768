import { z } from 'zod';

import { IdentifierSchema, IsoDateSchema, JobIdSchema, SyncErrorSchema } from './common.schema';

export const ForecastProgressSchema = z.strictObject({
  jobId: JobIdSchema,
  progress: z.number().min(0).max(1),
  stage: z.string().min(1).max(100),
});

const ForecastPointSchema = z
  .strictObject({
    date: IsoDateSchema,
    quantity: z.number().finite().nonnegative(),
    lower: z.number().finite().nonnegative(),
    upper: z.number().finite().nonnegative(),
  })
  .refine((p) => p.lower <= p.quantity && p.quantity <= p.upper, {
    message: 'interval must satisfy lower <= quantity <= upper',
  });

const SkuForecastSchema = z.strictObject({
  sku: IdentifierSchema,
  horizonDays: z.number().int().min(1).max(730),
  points: z.array(ForecastPointSchema).min(1).max(730),
});

/** `confidence` is the prediction-interval level (0.8 for an 80% interval). */
export const ForecastCompleteSchema = z.strictObject({
  jobId: JobIdSchema,
  forecast: z.array(SkuForecastSchema).max(5000),
  confidence: z.number().gt(0).lt(1),
  accuracy: z
    .strictObject({
      metric: z.enum(['mape', 'smape', 'mae', 'rmse']),
      value: z.number().finite().nonnegative(),
    })
    .nullable(),
});

export const ForecastErrorSchema = z.strictObject({
  jobId: JobIdSchema,
  error: SyncErrorSchema,
});
