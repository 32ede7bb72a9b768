import { emptyPrediction } from '../ets/ets-predict';
import { Z90, Z975 } from '../stats/normal';
import type { FittedModel, Prediction } from '../types';

/**
 * Seasonal naive, the baseline: each period repeats the value one season earlier. Intervals are normal with
 * variance sigma^2 * (number of whole seasons ahead, rounded up), sigma^2 the mean squared seasonal difference
 * (as forecast::snaive). Needs more than m observations.
 */
export function seasonalNaive(y: ArrayLike<number>, m: number): FittedModel | null {
  const n = y.length;
  if (n <= m) return null;
  let sse = 0;
  for (let t = m; t < n; t++) sse += (y[t] - y[t - m]) ** 2;
  const sigma2 = sse / (n - m);
  return {
    method: 'seasonal_naive',
    model: `SNAIVE(${m})`,
    parameters: { seasonLength: m, sigma2 },
    predict(horizon: number): Prediction {
      const mean = seasonalNaiveMeans(y, m, horizon);
      const out = emptyPrediction(mean);
      for (let h = 1; h <= horizon; h++) {
        const sd = Math.sqrt(sigma2 * Math.ceil(h / m));
        out.lo80[h - 1] = mean[h - 1] - Z90 * sd;
        out.hi80[h - 1] = mean[h - 1] + Z90 * sd;
        out.lo95[h - 1] = mean[h - 1] - Z975 * sd;
        out.hi95[h - 1] = mean[h - 1] + Z975 * sd;
      }
      return out;
    },
  };
}

/** The seasonal-naive point forecasts alone. */
export function seasonalNaiveMeans(y: ArrayLike<number>, m: number, horizon: number): Float64Array {
  const n = y.length;
  const mean = new Float64Array(horizon);
  for (let h = 1; h <= horizon; h++) mean[h - 1] = y[n - m + ((h - 1) % m)];
  return mean;
}
