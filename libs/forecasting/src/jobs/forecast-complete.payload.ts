import {
  type EventPayload,
  FORECAST_COMPLETE_MAX_POINTS,
  FORECAST_COMPLETE_MAX_SKUS,
  type SkuForecastPayload,
} from '@ops/sse-events';

import { type SkuOutcome, toSkuForecastPayload } from './sku-outcome.mapper';

export const forecastJobPath = (jobId: string): string => `/api/forecast-jobs/${jobId}`;

/**
 * The bounded `forecast:complete` of a job: counts of every SKU, and as many forecasts as fit the
 * caps, the SKUs with the largest expected demand over the horizon first (ties by SKU). `truncated`
 * says when some were left out; all of them are at `GET /api/forecast-jobs/{jobId}`.
 */
export function forecastCompletePayload(
  jobId: string,
  horizonDays: number,
  historyThrough: string | null,
  outcomes: readonly SkuOutcome[],
): EventPayload<'forecast:complete'> {
  const forecasts = outcomes.map(toSkuForecastPayload).filter((f): f is SkuForecastPayload => f !== null);
  const demand = (f: SkuForecastPayload) => f.points.reduce((sum, p) => sum + p.mean, 0);
  const ranked = forecasts
    .map((f) => ({ f, demand: demand(f) }))
    .sort((a, b) => b.demand - a.demand || (a.f.sku < b.f.sku ? -1 : 1))
    .map(({ f }) => f);
  const included: SkuForecastPayload[] = [];
  let points = 0;
  for (const f of ranked) {
    if (included.length === FORECAST_COMPLETE_MAX_SKUS || points + f.points.length > FORECAST_COMPLETE_MAX_POINTS) break;
    included.push(f);
    points += f.points.length;
  }
  return {
    jobId,
    horizonDays,
    historyThrough,
    skus: { total: outcomes.length, forecast: forecasts.length, insufficient_history: outcomes.length - forecasts.length },
    forecasts: included,
    truncated: included.length < forecasts.length,
    resultPath: forecastJobPath(jobId),
  };
}
