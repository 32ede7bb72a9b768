import type { EtsSpec, EtsStates } from './ets-spec';

/**
 * Starting values for the initial states, in the spirit of forecast::ets's initstate: seasonal indices from a
 * classical decomposition of the first (up to three) seasons, then level and slope from a straight line through
 * the first max(10, 2m) seasonally adjusted observations. Maximum likelihood refines all of them.
 */
export function heuristicStates(y: ArrayLike<number>, spec: EtsSpec): EtsStates {
  const m = spec.m;
  const season = spec.season === 'N' ? new Float64Array(0) : seasonalIndices(y, m, spec.season === 'M');
  const adjusted = new Float64Array(y.length);
  for (let t = 0; t < y.length; t++) {
    const s = season.length ? season[t % m] : spec.season === 'M' ? 1 : 0;
    adjusted[t] = spec.season === 'M' ? y[t] / s : y[t] - s;
  }
  const k = Math.min(Math.max(10, 2 * m), y.length);
  if (spec.trend === 'N') {
    let sum = 0;
    for (let t = 0; t < k; t++) sum += adjusted[t];
    return { level: sum / k, trend: 0, season };
  }
  // Least squares of adjusted[t] on t = 1..k: the intercept is the level at time 0.
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let t = 0; t < k; t++) {
    const x = t + 1;
    sx += x;
    sy += adjusted[t];
    sxx += x * x;
    sxy += x * adjusted[t];
  }
  const slope = (k * sxy - sx * sy) / (k * sxx - sx * sx);
  const level = (sy - slope * sx) / k;
  return { level, trend: Number.isFinite(slope) ? slope : 0, season };
}

function seasonalIndices(y: ArrayLike<number>, m: number, multiplicative: boolean): Float64Array {
  const seasons = Math.min(3, Math.floor(y.length / m));
  const len = seasons * m;
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  const half = Math.floor(m / 2);
  for (let t = half; t < len - half; t++) {
    const ma = centredMovingAverage(y, t, m);
    if (!Number.isFinite(ma) || (multiplicative && ma <= 0)) continue;
    sums[t % m] += multiplicative ? y[t] / ma : y[t] - ma;
    counts[t % m]++;
  }
  const out = new Float64Array(m);
  let mean = 0;
  for (let j = 0; j < m; j++) {
    out[j] = counts[j] ? sums[j] / counts[j] : multiplicative ? 1 : 0;
    mean += out[j] / m;
  }
  for (let j = 0; j < m; j++) out[j] = multiplicative ? out[j] / mean : out[j] - mean;
  return out;
}

/** Centred moving average of order m at t (a 2 x m average when m is even). */
function centredMovingAverage(y: ArrayLike<number>, t: number, m: number): number {
  const half = Math.floor(m / 2);
  if (t - half < 0 || t + half >= y.length) return Number.NaN;
  let sum = 0;
  if (m % 2 === 1) {
    for (let j = t - half; j <= t + half; j++) sum += y[j];
    return sum / m;
  }
  for (let j = t - half + 1; j < t + half; j++) sum += y[j];
  sum += 0.5 * (y[t - half] + y[t + half]);
  return sum / m;
}
