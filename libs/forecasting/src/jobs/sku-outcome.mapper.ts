import type { SkuForecastPayload } from '@ops/sse-events';
import type { NewForecastResult, StoredForecastPoint } from '@ops/store';

import { addPeriods } from '../lib/cli/calendar';
import type { SeriesForecast } from '../lib/types';

/** One SKU of a job: the history window it was given and what the library made of it. */
export interface SkuOutcome {
  sku: string;
  /** First day of history (first sale) and last day (the job's last full day), `YYYY-MM-DD`. */
  from: string;
  through: string;
  days: number;
  result: SeriesForecast;
}

/** Units to 3 decimals: enough for a count forecast, and rounding keeps the intervals nested. */
const units = (value: number): number => Math.round(value * 1000) / 1000;

/** The forecast days, dated from the day after the history ends. */
export function datedPoints(outcome: SkuOutcome): StoredForecastPoint[] {
  if (outcome.result.status !== 'ok') return [];
  return outcome.result.points.map((p) => ({
    date: addPeriods(outcome.through, 'day', p.step),
    mean: units(p.mean),
    lo80: units(p.lo80),
    hi80: units(p.hi80),
    lo95: units(p.lo95),
    hi95: units(p.hi95),
  }));
}

/** The row stored for one SKU of a job. */
export function toStoredResult(jobId: string, outcome: SkuOutcome): NewForecastResult {
  const { result } = outcome;
  const window = {
    jobId,
    sku: outcome.sku,
    historyFrom: outcome.from,
    historyTo: outcome.through,
    historyDays: outcome.days,
    estimatedOn: result.history.estimatedOn,
  };
  if (result.status !== 'ok') return { ...window, status: result.status, reason: result.reason };
  return {
    ...window,
    status: 'ok',
    method: result.method,
    model: result.model,
    parameters: result.parameters,
    accuracy: result.accuracy,
    confidence: result.confidence,
    points: datedPoints(outcome),
  };
}

/** The `forecast:complete` entry of one forecast SKU; null for a SKU without a forecast. */
export function toSkuForecastPayload(outcome: SkuOutcome): SkuForecastPayload | null {
  const { result } = outcome;
  if (result.status !== 'ok') return null;
  const { mase, relativeMae, coverage80, coverage95, origins, horizon, points, reason } = result.accuracy;
  return {
    sku: outcome.sku,
    status: 'ok',
    method: result.method,
    model: result.model,
    confidence: result.confidence,
    accuracy: {
      mase: mase === null ? null : round4(mase),
      relativeMae: relativeMae === null ? null : round4(relativeMae),
      coverage80: coverage80 === null ? null : round4(coverage80),
      coverage95: coverage95 === null ? null : round4(coverage95),
      origins,
      horizon,
      points,
      ...(reason ? { reason } : {}),
    },
    history: { from: outcome.from, to: outcome.through, days: outcome.days },
    points: datedPoints(outcome),
  };
}

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;
