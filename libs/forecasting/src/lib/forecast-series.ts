import { rollingBacktest } from './accuracy/backtest';
import { confidenceOf } from './accuracy/confidence';
import { ForecastInputError } from './errors';
import { etsModel, originRefitter, selectEts } from './ets/ets-select';
import { FREQUENCY_RULES, isFrequency } from './frequency';
import { seasonalNaive } from './methods/seasonal-naive';
import { tsb } from './methods/tsb';
import type { BacktestAccuracy, FittedModel, ForecastOk, ForecastOptions, ForecastPoint, Prediction, SeriesForecast } from './types';

/** A series with its method chosen and fitted: the first half of forecastSeries, kept apart so a job can report stages. */
export interface FittedSeries {
  status: 'fitted';
  values: Float64Array;
  estimatedOn: number;
  seasonLength: number;
  nonNegative: boolean;
  model: FittedModel;
  /**
   * Re-estimates the same method (same ETS form) on `values.subarray(0, origin)`: `train` must be a prefix of
   * `values`. The backtest calls it origin by origin, in time order.
   */
  refit: (train: Float64Array) => FittedModel | null;
  points: ForecastPoint[];
  nonZeroShare: number;
  options: ForecastOptions;
}

/** Simulated intervals use 2,000 paths for the forecast and at most 1,000 at backtest origins (coverage is pooled there). */
const DEFAULTS = { backtestOrigins: 3, intermittentShare: 0.3, seed: 1, simulationPaths: 2000, backtestPaths: 1000 };

/**
 * Chooses and fits the method for one series and forecasts `horizon` periods: TSB when fewer than
 * `intermittentShare` of the periods are non-zero, otherwise the ETS model with the smallest AICc (seasonal naive
 * only if no ETS model can be fitted). Series shorter than the frequency's minimum get `insufficient_history`.
 */
export function fitSeries(values: ArrayLike<number>, options: ForecastOptions): FittedSeries | SeriesForecast {
  validate(values, options);
  const y = Float64Array.from(values);
  const rule = FREQUENCY_RULES[options.frequency];
  const m = options.seasonLength ?? rule.seasonLength;
  let nonZero = 0;
  let negative = false;
  for (const v of y) {
    if (v !== 0) nonZero++;
    if (v < 0) negative = true;
  }
  const nonZeroShare = y.length ? nonZero / y.length : 0;
  const history = { length: y.length, estimatedOn: 0, nonZeroShare };
  if (y.length < rule.minimumLength) {
    return {
      status: 'insufficient_history',
      history,
      minimumLength: rule.minimumLength,
      reason: `${y.length} observations; at least ${rule.minimumLength} (${rule.description}) are needed`,
    };
  }
  const nonNegative = options.nonNegative ?? !negative;
  const seed = options.seed ?? DEFAULTS.seed;
  const paths = options.simulationPaths ?? DEFAULTS.simulationPaths;
  const window = options.estimationWindow ?? rule.estimationWindow ?? Number.POSITIVE_INFINITY;
  const recent = (series: Float64Array) => (series.length > window ? series.subarray(series.length - window) : series);
  const fitOn = recent(y);
  const intermittent = nonZeroShare < (options.intermittentShare ?? DEFAULTS.intermittentShare);

  let model: FittedModel | null = null;
  let refit: (train: Float64Array) => FittedModel | null = () => null;
  if (intermittent) {
    model = tsb(fitOn);
    refit = (train) => tsb(recent(train));
  } else {
    const selection = selectEts(fitOn, m);
    if (selection) {
      model = etsModel(selection.best, seed, paths);
      const spec = selection.best.spec;
      const refitAt = originRefitter(spec, y, seed, Math.min(paths, DEFAULTS.backtestPaths));
      refit = (train) => refitAt(Math.max(0, train.length - window), train.length);
    }
  }
  if (!model) {
    model = seasonalNaive(fitOn, m);
    refit = (train) => seasonalNaive(recent(train), m);
  }
  if (!model) throw new ForecastInputError(`no method can be fitted to ${fitOn.length} observations with season length ${m}`);
  const prediction = adjust(model.predict(options.horizon), nonNegative);
  return {
    status: 'fitted',
    values: y,
    estimatedOn: fitOn.length,
    seasonLength: m,
    nonNegative,
    model,
    refit,
    points: toPoints(prediction),
    nonZeroShare,
    options,
  };
}

/** Rolling-origin backtest of a fitted series (the second half of forecastSeries). */
export function backtestSeries(fitted: FittedSeries): ForecastOk {
  const { options, values, seasonLength } = fitted;
  const rule = FREQUENCY_RULES[options.frequency];
  const baselineSeason = values.length > 2 * seasonLength ? seasonLength : 1;
  const accuracy: BacktestAccuracy = rollingBacktest(values, {
    refit: fitted.refit,
    adjust: (p) => adjust(p, fitted.nonNegative),
    baselineSeason,
    origins: Math.max(3, options.backtestOrigins ?? DEFAULTS.backtestOrigins),
    horizon: options.backtestHorizon ?? options.horizon,
    minimumTrain: Math.max(rule.minimumLength - 2 * seasonLength, 2 * seasonLength + 1, 8),
  });
  return {
    status: 'ok',
    method: fitted.model.method,
    model: fitted.model.model,
    parameters: fitted.model.parameters,
    seasonLength,
    points: fitted.points,
    accuracy,
    confidence: confidenceOf(accuracy),
    history: { length: values.length, estimatedOn: fitted.estimatedOn, nonZeroShare: fitted.nonZeroShare },
  };
}

/** Forecast of one series with its backtest accuracy, or `insufficient_history`. Pure and deterministic. */
export function forecastSeries(values: ArrayLike<number>, options: ForecastOptions): SeriesForecast {
  const fitted = fitSeries(values, options);
  return fitted.status === 'fitted' ? backtestSeries(fitted) : fitted;
}

/** Clips means and bounds at zero for counts. */
function adjust(prediction: Prediction, nonNegative: boolean): Prediction {
  if (!nonNegative) return prediction;
  for (const key of ['mean', 'lo80', 'hi80', 'lo95', 'hi95'] as const) {
    const a = prediction[key];
    for (let i = 0; i < a.length; i++) if (a[i] < 0) a[i] = 0;
  }
  return prediction;
}

function toPoints(p: Prediction): ForecastPoint[] {
  return Array.from(p.mean, (mean, i) => ({ step: i + 1, mean, lo80: p.lo80[i], hi80: p.hi80[i], lo95: p.lo95[i], hi95: p.hi95[i] }));
}

function validate(values: ArrayLike<number>, options: ForecastOptions): void {
  if (!isFrequency(options.frequency)) throw new ForecastInputError(`unknown frequency "${String(options.frequency)}"`);
  if (!Number.isInteger(options.horizon) || options.horizon < 1) throw new ForecastInputError(`horizon must be a positive integer, got ${options.horizon}`);
  const m = options.seasonLength;
  if (m !== undefined && (!Number.isInteger(m) || m < 1)) throw new ForecastInputError(`season length must be a positive integer, got ${m}`);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new ForecastInputError(`value ${i} is not a finite number`);
  }
}
