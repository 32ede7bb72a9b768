import { FORECAST_COMPLETE_MAX_POINTS, FORECAST_COMPLETE_MAX_SKUS, parsePayload } from '@ops/sse-events';

import type { ForecastOk, SeriesForecast } from '../lib/types';
import { forecastCompletePayload } from './forecast-complete.payload';
import type { SkuOutcome } from './sku-outcome.mapper';

const ok = (level: number, horizon: number): ForecastOk => ({
  status: 'ok',
  method: 'ets',
  model: 'ETS(A,N,A)',
  parameters: { alpha: 0.2 },
  seasonLength: 7,
  points: Array.from({ length: horizon }, (_, i) => ({ step: i + 1, mean: level, lo80: level * 0.5, hi80: level * 1.5, lo95: level * 0.25, hi95: level * 2 })),
  accuracy: { mase: 0.81234, relativeMae: 0.9, coverage80: 0.8, coverage95: 0.95, origins: 3, horizon: 7, points: 21 },
  confidence: 'medium',
  history: { length: 120, estimatedOn: 120, nonZeroShare: 1 },
});
const short: SeriesForecast = { status: 'insufficient_history', minimumLength: 56, reason: 'needs 56 days', history: { length: 20, estimatedOn: 20, nonZeroShare: 1 } };
const outcome = (sku: string, result: SeriesForecast): SkuOutcome => ({ sku, from: '2026-01-01', through: '2026-04-30', days: 120, result });

describe('forecastCompletePayload', () => {
  it('carries every forecast when they fit, dated from the day after the history, with counts', () => {
    const payload = forecastCompletePayload('fc-1', 2, '2026-04-30', [outcome('A', ok(3, 2)), outcome('B', short)]);
    expect(payload).toMatchObject({ skus: { total: 2, forecast: 1, insufficient_history: 1 }, truncated: false, resultPath: '/api/forecast-jobs/fc-1' });
    expect(payload.forecasts[0].points.map((p) => p.date)).toEqual(['2026-05-01', '2026-05-02']);
    expect(payload.forecasts[0].accuracy.mase).toBe(0.8123);
    expect(parsePayload('forecast:complete', payload).ok).toBe(true);
  });

  it('keeps within the caps, largest expected demand first, and says it is truncated', () => {
    const many = Array.from({ length: 150 }, (_, i) => outcome(`SKU-${String(i).padStart(3, '0')}`, ok(i + 1, 30)));
    const payload = forecastCompletePayload('fc-2', 30, '2026-04-30', many);
    expect(payload.forecasts.length).toBeLessThanOrEqual(FORECAST_COMPLETE_MAX_SKUS);
    expect(payload.forecasts.reduce((n, f) => n + f.points.length, 0)).toBeLessThanOrEqual(FORECAST_COMPLETE_MAX_POINTS);
    expect(payload.forecasts.length).toBe(Math.floor(FORECAST_COMPLETE_MAX_POINTS / 30));
    expect(payload.forecasts[0].sku).toBe('SKU-149');
    expect(payload).toMatchObject({ truncated: true, skus: { total: 150, forecast: 150, insufficient_history: 0 } });
    expect(parsePayload('forecast:complete', payload).ok).toBe(true);
  });
});
