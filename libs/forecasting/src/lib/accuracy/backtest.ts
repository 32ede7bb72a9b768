import { seasonalNaiveMeans } from '../methods/seasonal-naive';
import type { BacktestAccuracy, FittedModel, Prediction } from '../types';
import { countInside, seasonalNaiveScale, sumAbsoluteError } from './metrics';

export interface BacktestPlan {
  /** Re-estimates the chosen model on the history up to an origin; null when it cannot. */
  refit: (train: Float64Array) => FittedModel | null;
  /** Applied to every prediction (e.g. clipping counts at zero). */
  adjust: (prediction: Prediction) => Prediction;
  /** Season length of the seasonal-naive baseline and the MASE scale. */
  baselineSeason: number;
  origins: number;
  horizon: number;
  /** Shortest training window an origin may leave. */
  minimumTrain: number;
}

/**
 * Rolling-origin evaluation: origins n - k*h, ..., n - h (non-overlapping windows of h periods ending at the last
 * observation); at each origin the model is re-estimated on the history before it and forecasts h periods.
 * The window shrinks when the history is too short for `origins` windows of `horizon`.
 */
export function rollingBacktest(y: Float64Array, plan: BacktestPlan): BacktestAccuracy {
  const n = y.length;
  const k = plan.origins;
  const horizon = Math.min(plan.horizon, Math.floor((n - plan.minimumTrain) / k));
  const none = (reason: string, origins = 0): BacktestAccuracy => ({
    mase: null,
    relativeMae: null,
    coverage80: null,
    coverage95: null,
    origins,
    horizon: Math.max(horizon, 0),
    points: 0,
    reason,
  });
  if (horizon < 1) return none(`history of ${n} is too short for ${k} backtest origins after ${plan.minimumTrain} training periods`);

  let origins = 0;
  let points = 0;
  let methodError = 0;
  let baselineError = 0;
  let inside80 = 0;
  let inside95 = 0;
  let maseSum = 0;
  let maseCount = 0;
  for (let j = k; j >= 1; j--) {
    const origin = n - j * horizon;
    const train = y.subarray(0, origin);
    const actual = y.subarray(origin, origin + horizon);
    const model = plan.refit(train);
    if (!model) continue;
    const prediction = plan.adjust(model.predict(horizon));
    const error = sumAbsoluteError(actual, prediction.mean);
    const scale = seasonalNaiveScale(train, plan.baselineSeason);
    if (scale > 0) {
      maseSum += error / horizon / scale;
      maseCount++;
    }
    methodError += error;
    baselineError += sumAbsoluteError(actual, seasonalNaiveMeans(train, plan.baselineSeason, horizon));
    inside80 += countInside(actual, prediction.lo80, prediction.hi80);
    inside95 += countInside(actual, prediction.lo95, prediction.hi95);
    points += horizon;
    origins++;
  }
  if (origins < k) return none(`the model could be re-estimated at ${origins} of ${k} origins`, origins);
  return {
    mase: maseCount ? maseSum / maseCount : null,
    relativeMae: baselineError > 0 ? methodError / baselineError : null,
    coverage80: inside80 / points,
    coverage95: inside95 / points,
    origins,
    horizon,
    points,
    ...(maseCount ? {} : { reason: 'MASE undefined: the history has no seasonal variation to scale by' }),
  };
}
