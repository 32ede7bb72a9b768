export interface NelderMeadOptions {
  /** Initial simplex step per coordinate. */
  steps: ArrayLike<number>;
  maxEvaluations?: number;
  /** Stops when the simplex's worst and best values differ by less than relTol * (|f(x0)| + relTol), as R's optim. */
  relTol?: number;
  /** When set, stops when worst and best differ by less than this instead. */
  absTol?: number;
}

export interface NelderMeadResult {
  x: Float64Array;
  value: number;
  evaluations: number;
}

/**
 * Derivative-free minimisation (Nelder & Mead 1965; reflection 1, expansion 2, contraction 0.5, shrink 0.5).
 * `f` may return Infinity outside the feasible region: such vertices are never accepted as improvements.
 */
export function nelderMead(f: (x: Float64Array) => number, x0: ArrayLike<number>, options: NelderMeadOptions): NelderMeadResult {
  const n = x0.length;
  const maxEvaluations = options.maxEvaluations ?? 2000;
  const relTol = options.relTol ?? 1e-8;
  const points: Float64Array[] = [];
  const values = new Float64Array(n + 1);
  let evaluations = 0;
  const evaluate = (x: Float64Array) => {
    evaluations++;
    const v = f(x);
    return Number.isNaN(v) ? Infinity : v;
  };

  points.push(Float64Array.from(x0));
  values[0] = evaluate(points[0]);
  for (let i = 0; i < n; i++) {
    const p = Float64Array.from(x0);
    p[i] += options.steps[i];
    points.push(p);
    values[i + 1] = evaluate(p);
  }
  const tolerance = options.absTol ?? relTol * (Math.abs(Number.isFinite(values[0]) ? values[0] : 0) + relTol);

  const order = Array.from({ length: n + 1 }, (_, i) => i);
  const centroid = new Float64Array(n);
  const trial = new Float64Array(n);
  const trial2 = new Float64Array(n);
  const move = (out: Float64Array, through: number, worst: Float64Array) => {
    for (let j = 0; j < n; j++) out[j] = centroid[j] + through * (centroid[j] - worst[j]);
  };

  while (evaluations < maxEvaluations) {
    order.sort((a, b) => values[a] - values[b]);
    const best = order[0];
    const worst = order[n];
    const secondWorst = order[n - 1];
    if (Number.isFinite(values[worst]) && values[worst] - values[best] <= tolerance) break;

    centroid.fill(0);
    for (let k = 0; k < n; k++) {
      const p = points[order[k]];
      for (let j = 0; j < n; j++) centroid[j] += p[j] / n;
    }
    move(trial, 1, points[worst]);
    const reflected = evaluate(trial);
    if (reflected < values[best]) {
      move(trial2, 2, points[worst]);
      const expanded = evaluate(trial2);
      if (expanded < reflected) accept(worst, trial2, expanded);
      else accept(worst, trial, reflected);
      continue;
    }
    if (reflected < values[secondWorst]) {
      accept(worst, trial, reflected);
      continue;
    }
    const outside = reflected < values[worst];
    move(trial2, outside ? 0.5 : -0.5, points[worst]);
    const contracted = evaluate(trial2);
    if (contracted < (outside ? reflected : values[worst])) {
      accept(worst, trial2, contracted);
      continue;
    }
    const bestPoint = points[best];
    for (let k = 1; k <= n; k++) {
      const idx = order[k];
      const p = points[idx];
      for (let j = 0; j < n; j++) p[j] = bestPoint[j] + 0.5 * (p[j] - bestPoint[j]);
      values[idx] = evaluate(p);
    }
  }

  let bestIndex = 0;
  for (let i = 1; i <= n; i++) if (values[i] < values[bestIndex]) bestIndex = i;
  return { x: points[bestIndex], value: values[bestIndex], evaluations };

  function accept(index: number, x: Float64Array, value: number) {
    points[index].set(x);
    values[index] = value;
  }
}
