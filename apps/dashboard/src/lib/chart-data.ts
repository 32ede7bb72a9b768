import type { ActualPoint, SkuForecastEntry, WorkingCapitalPoint } from '@ops/read-api-contract';

/** uPlot's columns: x values (seconds since the epoch), then one array per series; `null` is a gap. */
export type ChartColumns = [number[], ...(number | null)[][]];

/** Seconds since the epoch at UTC midnight of an ISO date (`2026-12-01`). */
export function dateToSeconds(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / 1000;
}

/**
 * Working capital, current assets and current liabilities of each stored reading, at the time it was
 * synced (a day's balance sheet changes as the day's transactions post, so each sync is a reading of its
 * own). Amounts become numbers here only to be drawn; the page's figures keep the exact strings.
 */
export function workingCapitalColumns(history: readonly WorkingCapitalPoint[]): ChartColumns {
  const points = [...history].sort((a, b) => Date.parse(a.syncedAt) - Date.parse(b.syncedAt));
  return [
    points.map((p) => Date.parse(p.syncedAt) / 1000),
    points.map((p) => Number(p.workingCapital)),
    points.map((p) => Number(p.currentAssets)),
    points.map((p) => Number(p.currentLiabilities)),
  ];
}

/** Columns of the forecast chart: date, actual units, then mean, lo80, hi80, lo95, hi95 of the forecast. */
export const FORECAST_SERIES = ['actual', 'mean', 'lo80', 'hi80', 'lo95', 'hi95'] as const;

/**
 * Actual daily units followed by the forecast with its intervals, on one date axis. A date with no
 * actual (the future) or no forecast (the past) is a gap, never a zero.
 */
export function forecastColumns(actuals: readonly ActualPoint[], points: readonly SkuForecastEntry['points'][number][]): ChartColumns {
  const dates = [...new Set([...actuals.map((a) => a.date), ...points.map((p) => p.date)])].sort();
  const actualByDate = new Map(actuals.map((a) => [a.date, a.units]));
  const pointByDate = new Map(points.map((p) => [p.date, p]));
  const forecast = (field: Exclude<(typeof FORECAST_SERIES)[number], 'actual'>) => dates.map((d) => pointByDate.get(d)?.[field] ?? null);
  return [
    dates.map(dateToSeconds),
    dates.map((d) => actualByDate.get(d) ?? null),
    forecast('mean'),
    forecast('lo80'),
    forecast('hi80'),
    forecast('lo95'),
    forecast('hi95'),
  ];
}
