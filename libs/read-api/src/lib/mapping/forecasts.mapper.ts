import type { ActiveForecastJob, ActualPoint, ForecastsResponse, SkuForecastEntry } from '@ops/read-api-contract';
import type { EventSource } from '@ops/sse-events';
import type { ForecastJob, ForecastResult, SkuDailySales } from '@ops/store';

/** SKUs `GET /api/forecasts` carries; every SKU's result is at `/api/forecast-jobs/{jobId}`. */
export const FORECAST_SKU_LIMIT = 20;
/** Days of actual sales each SKU carries for the chart. */
export const ACTUAL_DAYS = 90;

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` plus `days` calendar days. Pure. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The last `days` days of a SKU's daily units, dated. Pure. */
export function actualsOf(sales: SkuDailySales | undefined, days: number = ACTUAL_DAYS): ActualPoint[] {
  if (!sales) return [];
  const start = Math.max(0, sales.units.length - days);
  return sales.units.slice(start).map((units, i) => ({ date: addDays(sales.from, start + i), units }));
}

const expectedDemand = (result: ForecastResult) => (result.points ?? []).reduce((sum, p) => sum + p.mean, 0);

/** The forecast SKUs to show: largest expected demand over the horizon first, then by SKU. Pure. */
export function topForecasts(results: readonly ForecastResult[], limit: number = FORECAST_SKU_LIMIT): ForecastResult[] {
  return results
    .filter((r) => r.status === 'ok' && r.points && r.points.length > 0)
    .sort((a, b) => expectedDemand(b) - expectedDemand(a) || a.sku.localeCompare(b.sku))
    .slice(0, limit);
}

export const activeJobOf = (job: ForecastJob): ActiveForecastJob => ({
  jobId: job.id,
  status: job.status as ActiveForecastJob['status'],
  stage: job.stage,
  progress: job.progress,
  requestedAt: job.requestedAt.toISOString(),
});

function entryOf(result: ForecastResult, sales: SkuDailySales | undefined): SkuForecastEntry {
  return {
    sku: result.sku,
    method: result.method as SkuForecastEntry['method'],
    model: result.model ?? '',
    confidence: result.confidence as SkuForecastEntry['confidence'],
    accuracy: result.accuracy as SkuForecastEntry['accuracy'],
    history: { from: result.historyFrom, to: result.historyTo, days: result.historyDays },
    actuals: actualsOf(sales),
    points: result.points ?? [],
  };
}

export interface ForecastsInput {
  generatedAt: Date;
  source: EventSource;
  timeZone: string;
  active: ForecastJob | null;
  /** The latest succeeded job, its shown results (from {@link topForecasts}) and their daily sales. */
  latest: { job: ForecastJob; shown: ForecastResult[]; sales: ReadonlyMap<string, SkuDailySales> } | null;
}

/** `GET /api/forecasts` from the stored jobs and results. Pure. */
export function forecastsResponse({ generatedAt, source, timeZone, active, latest }: ForecastsInput): ForecastsResponse {
  const base = { generatedAt: generatedAt.toISOString(), source, activeJob: active ? activeJobOf(active) : null };
  const job = latest?.job;
  if (!latest || !job?.summary || !job.finishedAt) {
    return { ...base, latest: { status: 'no_data', reason: 'no forecast job has completed yet (start one with Run forecast)' } };
  }
  return {
    ...base,
    latest: {
      status: 'ok',
      jobId: job.id,
      trigger: job.trigger as 'api' | 'schedule',
      finishedAt: job.finishedAt.toISOString(),
      horizonDays: job.scope.horizonDays,
      historyThrough: job.summary.historyThrough,
      timeZone,
      skus: job.summary.skus,
      actualDays: ACTUAL_DAYS,
      limit: FORECAST_SKU_LIMIT,
      truncated: latest.shown.length < job.summary.skus.forecast,
      forecasts: latest.shown.map((result) => entryOf(result, latest.sales.get(result.sku))),
    },
  };
}
