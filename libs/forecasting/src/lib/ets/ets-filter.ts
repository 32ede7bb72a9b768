import type { EtsParameters, EtsSpec, EtsStates } from './ets-spec';

/** Multiplicative models stop (likelihood = Infinity) when a one-step forecast or seasonal state gets this close to zero. */
const TOL = 1e-10;

export interface FilterOutput {
  /** forecast::ets's concentrated -2 log-likelihood: n log(SSE) [+ 2 sum log|yhat| for multiplicative error]. */
  lik: number;
  /** Sum of squared one-step errors (relative errors for multiplicative error). */
  sse: number;
  /** States after the last observation (season indexed by phase). */
  final: EtsStates;
}

/**
 * Runs the ETS recursions over `y` from `initial` and returns the concentrated likelihood. The state
 * updates are the error-correction form shared by both error types (forecast's etscalc): only the
 * likelihood depends on the error type. `initial.season` is copied (into `scratch` when given), not modified.
 */
export function etsFilter(
  y: ArrayLike<number>,
  spec: EtsSpec,
  par: EtsParameters,
  initial: EtsStates,
  keepFinal = false,
  scratch?: Float64Array,
): FilterOutput | null {
  const n = y.length;
  const { alpha, beta, gamma, phi } = par;
  const hasTrend = spec.trend !== 'N';
  const seasonType = spec.season;
  const m = spec.m;
  const season = seasonType === 'N' ? initial.season : copyInto(initial.season, scratch);
  const multErr = spec.error === 'M';
  const betaOverAlpha = hasTrend ? beta / alpha : 0;
  let level = initial.level;
  let trend = hasTrend ? initial.trend : 0;
  let sse = 0;
  let logSum = 0;
  // sum log|yhat| taken as the log of running products, one Math.log per ~100 steps instead of per step.
  let product = 1;
  let phase = 0;

  for (let t = 0; t < n; t++) {
    const yt = y[t];
    const phib = hasTrend ? phi * trend : 0;
    const q = level + phib;
    let yhat = q;
    let s = 0;
    if (seasonType === 'A') {
      s = season[phase];
      yhat = q + s;
    } else if (seasonType === 'M') {
      s = season[phase];
      if (s < TOL) return null;
      yhat = q * s;
    }
    if (multErr) {
      const size = yhat < 0 ? -yhat : yhat;
      if (size < TOL) return null;
      const e = (yt - yhat) / yhat;
      sse += e * e;
      product *= size;
      if (product > 1e150 || product < 1e-150) {
        logSum += Math.log(product);
        product = 1;
      }
    } else {
      const e = yt - yhat;
      sse += e * e;
    }
    const p = seasonType === 'N' ? yt : seasonType === 'A' ? yt - s : yt / s;
    const newLevel = q + alpha * (p - q);
    if (hasTrend) trend = phib + betaOverAlpha * (newLevel - level - phib);
    if (seasonType === 'A') season[phase] = s + gamma * (yt - q - s);
    else if (seasonType === 'M') {
      if (q < TOL && q > -TOL) return null;
      season[phase] = s + gamma * (yt / q - s);
    }
    level = newLevel;
    if (++phase === m) phase = 0;
  }

  if (!Number.isFinite(sse)) return null;
  logSum += Math.log(product);
  const lik = n * Math.log(Math.max(sse, 1e-300)) + (multErr ? 2 * logSum : 0);
  const final: EtsStates = keepFinal
    ? { level, trend, season: seasonType === 'N' ? new Float64Array(0) : rotateToNext(season, n % m) }
    : initial;
  return { lik, sse, final };
}

/** Reorders phase-indexed seasonal states so index 0 is the phase of the next observation. */
function rotateToNext(season: Float64Array, nextPhase: number): Float64Array {
  const m = season.length;
  const out = new Float64Array(m);
  for (let j = 0; j < m; j++) out[j] = season[(nextPhase + j) % m];
  return out;
}

function copyInto(source: Float64Array, scratch: Float64Array | undefined): Float64Array {
  if (!scratch || scratch.length !== source.length) return Float64Array.from(source);
  scratch.set(source);
  return scratch;
}
