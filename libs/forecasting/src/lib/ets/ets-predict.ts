import { Z90, Z975 } from '../stats/normal';
import { gaussian, mulberry32 } from '../stats/prng';
import { quantileSorted } from '../stats/quantile';
import type { Prediction } from '../types';
import type { EtsFit } from './ets-fit';

/** Point forecasts from the final states (the conditional mean for additive-error models, as forecast::ets reports). */
export function etsPointForecast(fit: EtsFit, horizon: number): Float64Array {
  const { spec, par, final } = fit;
  const out = new Float64Array(horizon);
  let damp = 0;
  let phiPower = 1;
  for (let h = 1; h <= horizon; h++) {
    phiPower *= par.phi;
    damp += spec.trend === 'Ad' ? phiPower : 1;
    const q = final.level + (spec.trend === 'N' ? 0 : damp * final.trend);
    const s = spec.season === 'N' ? 0 : final.season[(h - 1) % spec.m];
    out[h - 1] = spec.season === 'A' ? q + s : spec.season === 'M' ? q * s : q;
  }
  return out;
}

/**
 * Intervals, as forecast::ets computes them where it can (Hyndman et al. 2008, ch. 6): class 1 (additive error,
 * season N or A): var_h = sigma^2 (1 + sum_{j<h} c_j^2); class 2 (multiplicative error, season N or A):
 * var_h = (1 + sigma^2) theta_h - mu_h^2 with theta_1 = mu_1^2, theta_h = mu_h^2 + sigma^2 sum_{j<h} c_j^2 theta_{h-j};
 * both with normal quantiles. Multiplicative seasonality has no exact variance: simulated with a seeded generator.
 */
export function etsPrediction(fit: EtsFit, horizon: number, seed: number, paths: number): Prediction {
  const mean = etsPointForecast(fit, horizon);
  if (fit.spec.season === 'M') return etsSimulatedPrediction(fit, mean, seed, paths);
  const c = innovationWeights(fit, horizon);
  const variance = fit.spec.error === 'A' ? linearVariance(fit.sigma2, c) : class2Variance(fit.sigma2, c, mean);
  const out = emptyPrediction(mean);
  for (let i = 0; i < horizon; i++) {
    const sd = Math.sqrt(variance[i]);
    out.lo80[i] = mean[i] - Z90 * sd;
    out.hi80[i] = mean[i] + Z90 * sd;
    out.lo95[i] = mean[i] - Z975 * sd;
    out.hi95[i] = mean[i] + Z975 * sd;
  }
  return out;
}

/** c_j, j = 1..horizon-1 (index j): alpha + beta j (or beta (phi + ... + phi^j) when damped) + gamma [j mod m = 0]. */
function innovationWeights(fit: EtsFit, horizon: number): Float64Array {
  const { spec, par } = fit;
  const c = new Float64Array(horizon);
  let phiSum = 0;
  let phiPower = 1;
  for (let j = 1; j < horizon; j++) {
    phiPower *= par.phi;
    phiSum += phiPower;
    let cj = par.alpha;
    if (spec.trend === 'A') cj += par.beta * j;
    if (spec.trend === 'Ad') cj += par.beta * phiSum;
    if (spec.season === 'A' && j % spec.m === 0) cj += par.gamma;
    c[j] = cj;
  }
  return c;
}

function linearVariance(sigma2: number, c: Float64Array): Float64Array {
  const variance = new Float64Array(c.length);
  let cumulative = 0;
  for (let h = 1; h <= c.length; h++) {
    variance[h - 1] = sigma2 * (1 + cumulative);
    if (h < c.length) cumulative += c[h] * c[h];
  }
  return variance;
}

function class2Variance(sigma2: number, c: Float64Array, mu: Float64Array): Float64Array {
  const h = mu.length;
  const theta = new Float64Array(h);
  const variance = new Float64Array(h);
  for (let k = 0; k < h; k++) {
    let sum = 0;
    for (let j = 1; j <= k; j++) sum += c[j] * c[j] * theta[k - j];
    theta[k] = mu[k] * mu[k] + sigma2 * sum;
    variance[k] = (1 + sigma2) * theta[k] - mu[k] * mu[k];
  }
  return variance;
}

/** Quantiles of `paths` simulated sample paths from the final states (normal errors, seeded). */
export function etsSimulatedPrediction(fit: EtsFit, mean: Float64Array, seed: number, paths: number): Prediction {
  const { spec, par, final } = fit;
  const h = mean.length;
  const sigma = Math.sqrt(fit.sigma2);
  const normal = gaussian(mulberry32(seed));
  const draws = new Float64Array(h * paths);
  const m = spec.m;
  const season = new Float64Array(m);
  const hasTrend = spec.trend !== 'N';
  const seasonKind = spec.season === 'N' ? 0 : spec.season === 'A' ? 1 : 2;
  const multError = spec.error === 'M';
  const { alpha, phi, gamma } = par;
  const betaOverAlpha = par.beta / alpha;
  for (let path = 0; path < paths; path++) {
    let level = final.level;
    let trend = final.trend;
    if (seasonKind !== 0) season.set(final.season);
    for (let step = 0; step < h; step++) {
      const phase = step % m;
      const phib = hasTrend ? phi * trend : 0;
      const q = level + phib;
      const s = seasonKind === 0 ? 0 : season[phase];
      const yhat = seasonKind === 1 ? q + s : seasonKind === 2 ? q * s : q;
      const e = sigma * normal();
      const y = multError ? yhat * (1 + e) : yhat + e;
      draws[step * paths + path] = y;
      const p = seasonKind === 0 ? y : seasonKind === 1 ? y - s : y / s;
      const newLevel = q + alpha * (p - q);
      if (hasTrend) trend = phib + betaOverAlpha * (newLevel - level - phib);
      if (seasonKind === 1) season[phase] = s + gamma * (y - q - s);
      else if (seasonKind === 2) season[phase] = s + gamma * (y / q - s);
      level = newLevel;
    }
  }
  const out = emptyPrediction(mean);
  for (let step = 0; step < h; step++) {
    const column = draws.subarray(step * paths, (step + 1) * paths).sort();
    out.lo95[step] = quantileSorted(column, 0.025);
    out.lo80[step] = quantileSorted(column, 0.1);
    out.hi80[step] = quantileSorted(column, 0.9);
    out.hi95[step] = quantileSorted(column, 0.975);
  }
  return out;
}

export function emptyPrediction(mean: Float64Array): Prediction {
  const h = mean.length;
  return { mean, lo80: new Float64Array(h), hi80: new Float64Array(h), lo95: new Float64Array(h), hi95: new Float64Array(h) };
}
