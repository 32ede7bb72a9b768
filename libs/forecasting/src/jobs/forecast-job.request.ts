import { createHash } from 'node:crypto';

import { FORECAST_MAX_HORIZON_DAYS, IdentifierSchema } from '@ops/sse-events';
import type { ForecastJobScope } from '@ops/store';
import { z } from 'zod';

/** The body of `POST /api/forecast-jobs`. */
export const ForecastJobRequestSchema = z.strictObject({
  /** Only these SKUs; default every SKU sold. */
  skus: z.array(IdentifierSchema).min(1).max(10_000).optional(),
  horizonDays: z.number().int().min(1).max(FORECAST_MAX_HORIZON_DAYS),
  /** Only orders of these channels; default all. */
  sources: z.array(z.enum(['shopify', 'amazon'])).min(1).optional(),
});

export type ForecastJobRequest = z.infer<typeof ForecastJobRequestSchema>;

/** The parsed request, or a message naming each wrong field. */
export function parseForecastJobRequest(body: unknown): { ok: true; scope: ForecastJobScope } | { ok: false; message: string } {
  const result = ForecastJobRequestSchema.safeParse(body ?? {});
  if (!result.success) {
    return { ok: false, message: result.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ') };
  }
  const { skus, horizonDays, sources } = result.data;
  return { ok: true, scope: { skus: skus ? [...new Set(skus)].sort() : null, sources: sources ? [...new Set(sources)].sort() : null, horizonDays } };
}

/** Equal for requests that ask for the same work (order and repeats of SKUs and sources do not matter). */
export function scopeKeyOf(scope: ForecastJobScope): string {
  const sorted = (list: string[] | null) => (list ? [...new Set(list)].sort() : '*');
  const canonical = JSON.stringify([scope.horizonDays, sorted(scope.skus), sorted(scope.sources)]);
  return createHash('sha256').update(canonical).digest('hex');
}
