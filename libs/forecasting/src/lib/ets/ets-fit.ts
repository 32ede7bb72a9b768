import { nelderMead } from '../stats/nelder-mead';
import { isAdmissible } from './ets-admissible';
import { etsFilter } from './ets-filter';
import { heuristicStates } from './ets-init';
import type { EtsParameters, EtsSpec, EtsStates } from './ets-spec';

/**
 * forecast::ets's default bounds ("both"): the usual region (alpha, beta, gamma in [1e-4, 0.9999], phi in
 * [0.8, 0.98], beta <= alpha, gamma <= 1 - alpha) intersected with the admissible region (see isAdmissible).
 */
export const BOUNDS = { lower: 1e-4, upper: 0.9999, phiLower: 0.8, phiUpper: 0.98 } as const;

/**
 * The search stops when the simplex's likelihoods (-2 log L, the AICc scale) differ by less than this: model
 * choice compares AICc values that differ by units, and a tighter tolerance costs 2-4x the evaluations.
 */
export const LIKELIHOOD_TOLERANCE = 1e-2;

export interface EtsFit {
  spec: EtsSpec;
  par: EtsParameters;
  initial: EtsStates;
  final: EtsStates;
  n: number;
  /** Estimated parameters + initial states + the error variance, as forecast::ets counts them. */
  np: number;
  lik: number;
  aic: number;
  aicc: number;
  /** Residual variance sum(e^2) / (n - np), on the error's scale (relative for multiplicative error). */
  sigma2: number;
  evaluations: number;
}

/** Free quantities of the optimisation, counted as forecast::ets counts them to decide whether a model can be fitted. */
export function parameterCount(spec: EtsSpec): number {
  let count = 2;
  if (spec.trend !== 'N') count += 2;
  if (spec.trend === 'Ad') count += 1;
  if (spec.season !== 'N') count += spec.m;
  return count;
}

/**
 * Maximum-likelihood fit of one ETS model: smoothing parameters, damping and the initial states are found
 * together by Nelder-Mead on the concentrated likelihood, inside the usual and admissible parameter regions.
 * The last seasonal state is fixed by normalisation (sum 0, or sum m when multiplicative).
 * Returns null when the series is too short for the model or no finite likelihood is found.
 */
export function fitEts(y: ArrayLike<number>, spec: EtsSpec, maxEvaluations = 2000, warmStart?: EtsFit): EtsFit | null {
  const n = y.length;
  if (n <= parameterCount(spec) + 4) return null;
  const layout = new Layout(spec, y);
  const scratch = new Float64Array(spec.m);
  const objective = (x: Float64Array) => {
    const par = layout.parameters(x);
    if (!par) return Infinity;
    const states = layout.states(x);
    if (!states) return Infinity;
    const out = etsFilter(y, spec, par, states, false, scratch);
    return out ? out.lik : Infinity;
  };
  let start = warmStart ? layout.startFrom(warmStart) : layout.start(heuristicStates(y, spec));
  if (warmStart && !Number.isFinite(objective(start))) start = layout.start(heuristicStates(y, spec));
  const result = nelderMead(objective, start, { steps: layout.steps(), maxEvaluations, absTol: LIKELIHOOD_TOLERANCE });
  if (!Number.isFinite(result.value)) return null;
  const par = layout.parameters(result.x) as EtsParameters;
  const states = layout.states(result.x) as EtsStates;
  const initial = { ...states, season: Float64Array.from(states.season) };
  const run = etsFilter(y, spec, par, initial, true);
  if (!run) return null;
  const np = layout.size + 1;
  const aic = run.lik + 2 * np;
  const aicc = n - np - 1 > 0 ? aic + (2 * np * (np + 1)) / (n - np - 1) : Infinity;
  return {
    spec,
    par,
    initial,
    final: run.final,
    n,
    np,
    lik: run.lik,
    aic,
    aicc,
    sigma2: run.sse / Math.max(1, n - np),
    evaluations: result.evaluations,
  };
}

/** Maps the optimiser's vector to parameters and states; states are scaled by the data's size so one step fits all. */
class Layout {
  readonly size: number;
  private readonly scale: number;
  private readonly hasTrend: boolean;
  private readonly damped: boolean;
  private readonly seasonal: boolean;
  private readonly multSeason: boolean;
  private readonly m: number;
  private readonly seasonBuffer: Float64Array;
  private readonly rootScratch: Float64Array;

  constructor(spec: EtsSpec, y: ArrayLike<number>) {
    this.hasTrend = spec.trend !== 'N';
    this.damped = spec.trend === 'Ad';
    this.seasonal = spec.season !== 'N';
    this.multSeason = spec.season === 'M';
    this.m = spec.m;
    let sum = 0;
    const k = Math.min(y.length, Math.max(10, 2 * spec.m));
    for (let t = 0; t < k; t++) sum += Math.abs(y[t]);
    this.scale = sum / k > 0 ? sum / k : 1;
    this.size = 1 + (this.hasTrend ? 1 : 0) + (this.seasonal ? 1 : 0) + (this.damped ? 1 : 0) + 1 + (this.hasTrend ? 1 : 0) + (this.seasonal ? this.m - 1 : 0);
    this.seasonBuffer = new Float64Array(this.seasonal ? this.m : 0);
    this.rootScratch = new Float64Array(this.m + 2);
  }

  start(states: EtsStates): Float64Array {
    const { lower, upper, phiLower, phiUpper } = BOUNDS;
    const x: number[] = [];
    const alpha = lower + (0.2 * (upper - lower)) / (this.seasonal ? this.m : 1);
    x.push(alpha);
    if (this.hasTrend) x.push(lower + 0.1 * (alpha - lower));
    if (this.seasonal) x.push(lower + 0.05 * (1 - alpha - lower));
    if (this.damped) x.push(phiLower + 0.99 * (phiUpper - phiLower));
    x.push(states.level / this.scale);
    if (this.hasTrend) x.push(states.trend / this.scale);
    for (let j = 0; j < this.m - 1 && this.seasonal; j++) x.push(this.multSeason ? states.season[j] : states.season[j] / this.scale);
    return Float64Array.from(x);
  }

  /**
   * Starts from another fit: the same form at an earlier backtest origin, or a model nested in this one (same
   * error and season, simpler trend). A new trend starts flat (b0 = 0, beta at its lower bound) and a new damping
   * at its upper bound, so the start reproduces the simpler model's fit and the search can only improve on it.
   */
  startFrom(simpler: EtsFit): Float64Array {
    const { lower, phiUpper } = BOUNDS;
    const x: number[] = [simpler.par.alpha];
    if (this.hasTrend) x.push(simpler.spec.trend === 'N' ? lower : Math.min(simpler.par.beta, simpler.par.alpha));
    if (this.seasonal) x.push(simpler.par.gamma);
    if (this.damped) x.push(simpler.spec.trend === 'Ad' ? simpler.par.phi : phiUpper);
    // Seasonal states drift from their normalisation as they are updated: renormalise into the level.
    const season = simpler.initial.season;
    let mean = this.multSeason ? 1 : 0;
    if (this.seasonal) mean = season.reduce((a, b) => a + b, 0) / this.m;
    const level = this.multSeason ? simpler.initial.level * mean : simpler.initial.level + mean;
    x.push(level / this.scale);
    if (this.hasTrend) x.push(simpler.initial.trend / this.scale);
    for (let j = 0; j < this.m - 1 && this.seasonal; j++) {
      x.push(this.multSeason ? season[j] / mean : (season[j] - mean) / this.scale);
    }
    return Float64Array.from(x);
  }

  steps(): Float64Array {
    const steps = new Float64Array(this.size);
    let i = 0;
    steps[i++] = 0.1;
    if (this.hasTrend) steps[i++] = 0.01;
    if (this.seasonal) steps[i++] = 0.05;
    if (this.damped) steps[i++] = -0.05;
    steps[i++] = 0.1;
    if (this.hasTrend) steps[i++] = 0.01;
    while (i < this.size) steps[i++] = 0.05;
    return steps;
  }

  /** The smoothing parameters, or null outside the usual region or (seasonal models) not admissible. */
  parameters(x: Float64Array): EtsParameters | null {
    const { lower, upper, phiLower, phiUpper } = BOUNDS;
    let i = 0;
    const alpha = x[i++];
    if (!(alpha >= lower && alpha <= upper)) return null;
    let beta = 0;
    let gamma = 0;
    let phi = 1;
    if (this.hasTrend) {
      beta = x[i++];
      if (!(beta >= lower && beta <= Math.min(upper, alpha))) return null;
    }
    if (this.seasonal) {
      gamma = x[i++];
      if (!(gamma >= lower && gamma <= Math.min(upper, 1 - alpha))) return null;
    }
    if (this.damped) {
      phi = x[i++];
      if (!(phi >= phiLower && phi <= phiUpper)) return null;
    }
    const par = { alpha, beta, gamma, phi };
    if (this.seasonal && !isAdmissible(par, this.m, this.rootScratch)) return null;
    return par;
  }

  /** Initial states (the seasonal array is a shared buffer: copy before keeping it), or null when not admissible. */
  states(x: Float64Array): EtsStates | null {
    let i = 1 + (this.hasTrend ? 1 : 0) + (this.seasonal ? 1 : 0) + (this.damped ? 1 : 0);
    const level = x[i++] * this.scale;
    const trend = this.hasTrend ? x[i++] * this.scale : 0;
    if (!this.seasonal) return { level, trend, season: this.seasonBuffer };
    let sum = 0;
    for (let j = 0; j < this.m - 1; j++) {
      const s = this.multSeason ? x[i + j] : x[i + j] * this.scale;
      if (this.multSeason && s <= 0) return null;
      this.seasonBuffer[j] = s;
      sum += s;
    }
    const last = this.multSeason ? this.m - sum : -sum;
    if (this.multSeason && last <= 0) return null;
    this.seasonBuffer[this.m - 1] = last;
    return { level, trend, season: this.seasonBuffer };
  }
}
