export type ErrorType = 'A' | 'M';
export type TrendType = 'N' | 'A' | 'Ad';
export type SeasonType = 'N' | 'A' | 'M';

/** One model of the ETS taxonomy (Hyndman, Koehler, Ord & Snyder 2008) with its season length. */
export interface EtsSpec {
  error: ErrorType;
  trend: TrendType;
  season: SeasonType;
  /** Season length; 1 when `season` is N. */
  m: number;
}

export interface EtsParameters {
  alpha: number;
  /** State-space beta (= alpha * beta*); 0 without trend. */
  beta: number;
  /** State-space gamma; 0 without season. */
  gamma: number;
  /** Damping; 1 unless the trend is damped. */
  phi: number;
}

/** Initial states: level, trend, and one seasonal state per phase (phase of observation t is t mod m). */
export interface EtsStates {
  level: number;
  trend: number;
  season: Float64Array;
}

export function etsName(spec: EtsSpec): string {
  return `ETS(${spec.error},${spec.trend},${spec.season})`;
}

/**
 * The models forecast::ets considers by default (restrict = TRUE, no multiplicative trend): additive
 * error with multiplicative season is excluded as numerically unstable; multiplicative error or season
 * need strictly positive data; seasonal models need 2 <= m <= 24 and at least two full seasons plus one period.
 */
export function candidateSpecs(values: ArrayLike<number>, m: number): EtsSpec[] {
  let positive = true;
  for (let i = 0; i < values.length; i++) if (!(values[i] > 0)) positive = false;
  const seasonal = m >= 2 && m <= 24 && values.length >= 2 * m + 1;
  const errors: ErrorType[] = positive ? ['A', 'M'] : ['A'];
  const trends: TrendType[] = ['N', 'A', 'Ad'];
  const seasons: SeasonType[] = seasonal ? (positive ? ['N', 'A', 'M'] : ['N', 'A']) : ['N'];
  const specs: EtsSpec[] = [];
  for (const error of errors)
    for (const season of seasons)
      for (const trend of trends) {
        if (error === 'A' && season === 'M') continue;
        specs.push({ error, trend, season, m: season === 'N' ? 1 : m });
      }
  return specs;
}
