import type { FittedModel } from '../types';
import { type EtsFit, fitEts } from './ets-fit';
import { etsFilter } from './ets-filter';
import { etsPrediction } from './ets-predict';
import { candidateSpecs, type EtsSpec, etsName } from './ets-spec';

export interface EtsSelection {
  best: EtsFit;
  /** AICc of every model that could be fitted, for the record. */
  candidates: { model: string; aicc: number }[];
}

/** Fits every candidate model by maximum likelihood and keeps the one with the smallest AICc (forecast::ets's default). */
export function selectEts(y: ArrayLike<number>, m: number, maxEvaluations?: number): EtsSelection | null {
  let best: EtsFit | null = null;
  const candidates: { model: string; aicc: number }[] = [];
  // Candidates come trend N, A, Ad for each error/season pair; each trend model starts from the simpler one's optimum.
  let previous: EtsFit | null = null;
  for (const spec of candidateSpecs(y, m)) {
    const nested = previous && previous.spec.error === spec.error && previous.spec.season === spec.season ? previous : undefined;
    const fit = fitEts(y, spec, maxEvaluations, nested);
    previous = fit;
    if (!fit || !Number.isFinite(fit.aicc)) continue;
    candidates.push({ model: etsName(spec), aicc: fit.aicc });
    if (!best || fit.aicc < best.aicc) best = fit;
  }
  return best ? { best, candidates } : null;
}

/**
 * Wraps a fit as a FittedModel: intervals by the fit's class, simulated ones seeded by `seed`. Parameters: alpha,
 * beta, gamma, phi (those the form has), the initial states l0, b0, s0..s(m-1) (s_j for the phase of the j-th
 * observation estimated on), sigma2, aicc and loglik (-0.5 x forecast's concentrated -2 log L).
 */
export function etsModel(fit: EtsFit, seed: number, paths: number): FittedModel {
  const parameters: Record<string, number> = { alpha: fit.par.alpha };
  if (fit.spec.trend !== 'N') parameters['beta'] = fit.par.beta;
  if (fit.spec.season !== 'N') parameters['gamma'] = fit.par.gamma;
  if (fit.spec.trend === 'Ad') parameters['phi'] = fit.par.phi;
  parameters['l0'] = fit.initial.level;
  if (fit.spec.trend !== 'N') parameters['b0'] = fit.initial.trend;
  fit.initial.season.forEach((value, phase) => (parameters[`s${phase}`] = value));
  parameters['sigma2'] = fit.sigma2;
  parameters['aicc'] = fit.aicc;
  parameters['loglik'] = -0.5 * fit.lik;
  return {
    method: 'ets',
    model: etsName(fit.spec),
    parameters,
    predict: (horizon) => etsPrediction(fit, horizon, seed, paths),
  };
}

/**
 * Re-estimates one model form at successive backtest origins. Each origin's search starts from the previous
 * (earlier) origin's estimate, carried forward to the new window's first period, so no origin sees data after it;
 * the first origin starts from the heuristic. `full` is the whole series; each call fits full[start, end).
 */
export function originRefitter(spec: EtsSpec, full: Float64Array, seed: number, paths: number) {
  let previous: { fit: EtsFit; start: number } | null = null;
  return (start: number, end: number): FittedModel | null => {
    const y = full.subarray(start, end);
    const warm = previous && previous.start <= start ? carryForward(previous.fit, full.subarray(previous.start, start)) : undefined;
    const fit = fitEts(y, spec, undefined, warm ?? undefined);
    previous = fit ? { fit, start } : null;
    return fit ? etsModel(fit, seed, paths) : null;
  };
}

/** The fit with its initial states moved forward over `skipped` observations (unchanged when none are skipped). */
function carryForward(fit: EtsFit, skipped: Float64Array): EtsFit | null {
  if (skipped.length === 0) return fit;
  const run = etsFilter(skipped, fit.spec, fit.par, fit.initial, true);
  return run ? { ...fit, initial: run.final } : null;
}
