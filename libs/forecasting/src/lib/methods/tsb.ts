import { emptyPrediction } from '../ets/ets-predict';
import { nelderMead } from '../stats/nelder-mead';
import { quantileSorted } from '../stats/quantile';
import type { FittedModel, Prediction } from '../types';

const LOWER = 0.01;
const UPPER = 0.99;

interface TsbRun {
  probability: number;
  size: number;
  sse: number;
}

/**
 * Teunter-Syntetos-Babai (2011) for intermittent demand: smooths the probability of a sale every period
 * (weight beta) and the size of a sale when one happens (weight alpha); the forecast is probability x size.
 * alpha and beta minimise the in-sample one-step squared error. Intervals come from the forecast distribution
 * "no sale with probability 1 - p, otherwise a size from the observed non-zero sizes rescaled to the smoothed
 * size", whose quantiles are exact (no simulation); they are the same for every step ahead.
 */
export function tsb(y: ArrayLike<number>): FittedModel | null {
  const sizes: number[] = [];
  for (let t = 0; t < y.length; t++) if (y[t] > 0) sizes.push(y[t]);
  if (y.length < 2) return null;
  if (sizes.length === 0) return constantZero();
  const p0 = sizes.length / y.length;
  const z0 = sizes.reduce((a, b) => a + b, 0) / sizes.length;
  const objective = (x: Float64Array) =>
    x[0] < LOWER || x[0] > UPPER || x[1] < LOWER || x[1] > UPPER ? Infinity : runTsb(y, x[0], x[1], p0, z0).sse;
  const best = nelderMead(objective, [0.1, 0.1], { steps: [0.1, 0.1], maxEvaluations: 300 });
  const [alpha, beta] = best.x;
  const end = runTsb(y, alpha, beta, p0, z0);
  sizes.sort((a, b) => a - b);
  const sizeScale = end.size / z0;
  return {
    method: 'tsb',
    model: 'TSB',
    parameters: { alpha, beta, probability: end.probability, size: end.size },
    predict(horizon: number): Prediction {
      const mean = new Float64Array(horizon).fill(end.probability * end.size);
      const out = emptyPrediction(mean);
      const q = (level: number) => mixtureQuantile(sizes, sizeScale, end.probability, level);
      out.lo95.fill(q(0.025));
      out.lo80.fill(q(0.1));
      out.hi80.fill(q(0.9));
      out.hi95.fill(q(0.975));
      return out;
    },
  };
}

function runTsb(y: ArrayLike<number>, alpha: number, beta: number, p0: number, z0: number): TsbRun {
  let probability = p0;
  let size = z0;
  let sse = 0;
  for (let t = 0; t < y.length; t++) {
    const e = y[t] - probability * size;
    sse += e * e;
    if (y[t] > 0) {
      probability += beta * (1 - probability);
      size += alpha * (y[t] - size);
    } else probability -= beta * probability;
  }
  return { probability, size, sse };
}

/** Quantile of: 0 with probability 1 - p, else scale x (a value from the sorted sizes). */
function mixtureQuantile(sortedSizes: number[], scale: number, p: number, level: number): number {
  if (level <= 1 - p) return 0;
  return scale * quantileSorted(sortedSizes, (level - (1 - p)) / p);
}

function constantZero(): FittedModel {
  return {
    method: 'tsb',
    model: 'TSB',
    parameters: { alpha: 0, beta: 0, probability: 0, size: 0 },
    predict: (horizon) => emptyPrediction(new Float64Array(horizon)),
  };
}
