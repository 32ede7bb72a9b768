/** Calendar spacing of a series; decides the default season length and the minimum history. */
export type Frequency = 'day' | 'week' | 'month' | 'quarter';

export type MethodName = 'ets' | 'seasonal_naive' | 'tsb';

/** One forecast period: the mean and the central 80 % and 95 % prediction intervals. */
export interface ForecastPoint {
  /** 1-based number of periods after the last observation. */
  step: number;
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

/** Rolling-origin backtest figures; each figure is `null` with `reason` set when it cannot be computed honestly. */
export interface BacktestAccuracy {
  /** Mean absolute scaled error: MAE of the method / in-sample MAE of one-step seasonal naive, averaged over origins. */
  mase: number | null;
  /** MAE of the method / MAE of seasonal-naive forecasts made from the same origins for the same points (< 1 beats the baseline). */
  relativeMae: number | null;
  /** Share of held-out points inside the 80 % interval. */
  coverage80: number | null;
  /** Share of held-out points inside the 95 % interval. */
  coverage95: number | null;
  origins: number;
  /** Periods ahead forecast from each origin. */
  horizon: number;
  points: number;
  reason?: string;
}

/** From the backtest (see confidenceOf): high, medium, low; unknown when there are no backtest figures. */
export type Confidence = 'high' | 'medium' | 'low' | 'unknown';

export interface ForecastOk {
  status: 'ok';
  method: MethodName;
  /** e.g. `ETS(M,Ad,A)`, `TSB`, `SNAIVE(7)`. */
  model: string;
  /**
   * Estimates of the chosen method. ETS: alpha, beta, gamma, phi (those its form has), initial states l0, b0,
   * s0..s(m-1), sigma2, aicc, loglik. TSB: alpha, beta, probability, size. Seasonal naive: seasonLength, sigma2.
   */
  parameters: Record<string, number>;
  seasonLength: number;
  points: ForecastPoint[];
  accuracy: BacktestAccuracy;
  confidence: Confidence;
  /** Observations given, how many the model was estimated on (the most recent), and the share that are non-zero. */
  history: { length: number; estimatedOn: number; nonZeroShare: number };
}

export interface ForecastInsufficient {
  status: 'insufficient_history';
  history: { length: number; estimatedOn: number; nonZeroShare: number };
  minimumLength: number;
  reason: string;
}

export type SeriesForecast = ForecastOk | ForecastInsufficient;

export interface ForecastOptions {
  frequency: Frequency;
  /** Periods to forecast after the last observation (>= 1). */
  horizon: number;
  /** Overrides the frequency's season length (7 for day, 52 for week, 12 for month, 4 for quarter). */
  seasonLength?: number;
  /** Rolling backtest origins (default 3, at least 3 for a reported accuracy). */
  backtestOrigins?: number;
  /** Periods forecast from each backtest origin (default: min(horizon, season length), at least 1). */
  backtestHorizon?: number;
  /** Below this share of non-zero periods the intermittent method (TSB) is used. Default 0.3. */
  intermittentShare?: number;
  /** Seed of the generator behind simulated intervals (multiplicative ETS). Default 1. */
  seed?: number;
  /** Paths simulated for intervals without an analytic variance. Default 2000 (at most 1000 at backtest origins). */
  simulationPaths?: number;
  /**
   * Estimate on at most this many most recent observations (default per frequency: 182 for day, none otherwise).
   * Forecasts start from the last observation either way; a long daily history costs time, adds little to a
   * model that adapts, and the backtest re-estimates on the same window length before each origin.
   */
  estimationWindow?: number;
  /** Clip means and intervals at zero (counts). Default: true when no observation is negative. */
  nonNegative?: boolean;
}

/** Intervals and means for `horizon` periods, as parallel arrays. */
export interface Prediction {
  mean: Float64Array;
  lo80: Float64Array;
  hi80: Float64Array;
  lo95: Float64Array;
  hi95: Float64Array;
}

/** A model fitted to one series, able to predict forward from its end. */
export interface FittedModel {
  method: MethodName;
  model: string;
  parameters: Record<string, number>;
  predict(horizon: number): Prediction;
}
