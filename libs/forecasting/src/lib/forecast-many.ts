import { ForecastCancelledError } from './errors';
import { backtestSeries, type FittedSeries, fitSeries } from './forecast-series';
import type { ForecastOptions, SeriesForecast } from './types';

export interface SeriesInput {
  id: string;
  values: ArrayLike<number>;
}

export type ForecastStage = 'fitting' | 'backtesting';

export interface ForecastProgress {
  stage: ForecastStage;
  /** Share of this stage done, 0..1. */
  fraction: number;
  done: number;
  total: number;
}

export interface ForecastManyOptions extends ForecastOptions {
  /** Called after every series in each stage (and once with fraction 0 at each stage start); throttle in the caller. */
  onProgress?: (progress: ForecastProgress) => void;
  /** Checked before each series; when aborted, forecastMany rejects with ForecastCancelledError. */
  signal?: AbortSignal;
}

export interface SeriesResult {
  id: string;
  result: SeriesForecast;
}

/**
 * Forecasts many series in two stages, fitting all (method choice, estimation, forecast) and then backtesting
 * all, reporting progress per series and yielding to the event loop between series so a server stays responsive
 * and a cancellation can arrive. Results keep the input order.
 */
export async function forecastMany(series: readonly SeriesInput[], options: ForecastManyOptions): Promise<SeriesResult[]> {
  const { onProgress, signal, ...forecastOptions } = options;
  const total = series.length;
  const fitted: (FittedSeries | SeriesForecast)[] = [];
  onProgress?.({ stage: 'fitting', fraction: 0, done: 0, total });
  for (let i = 0; i < total; i++) {
    await checkpoint(signal, i);
    fitted.push(fitSeries(series[i].values, forecastOptions));
    onProgress?.({ stage: 'fitting', fraction: (i + 1) / total, done: i + 1, total });
  }
  const results: SeriesResult[] = [];
  onProgress?.({ stage: 'backtesting', fraction: 0, done: 0, total });
  for (let i = 0; i < total; i++) {
    await checkpoint(signal, total + i);
    const item = fitted[i];
    results.push({ id: series[i].id, result: item.status === 'fitted' ? backtestSeries(item) : item });
    onProgress?.({ stage: 'backtesting', fraction: (i + 1) / total, done: i + 1, total });
  }
  return results;
}

async function checkpoint(signal: AbortSignal | undefined, completedSteps: number): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (signal?.aborted) throw new ForecastCancelledError(completedSteps);
}
