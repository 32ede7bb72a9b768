import { mulberry32 } from '@ops/forecasting';

/**
 * Seeded synthetic daily demand for the benchmark (benchmark input, not business data): three kinds of SKU
 * with known structure. Fast movers: level ~ 20-60 units/day, linear trend, weekly profile. Regular: 2-8 units/day
 * with a weekly profile (zeros occur). Intermittent: a sale on 5-25 % of days, sizes 1-6.
 */
export type SkuKind = 'fast' | 'regular' | 'intermittent';

/** Poisson draw: Knuth's product method below 30, a rounded normal approximation above. */
export function poisson(uniform: () => number, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 30) {
    const u1 = Math.max(uniform(), 1e-12);
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * uniform());
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * z));
  }
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = uniform();
  while (p > limit) {
    k++;
    p *= uniform();
  }
  return k;
}

export function kindOf(index: number): SkuKind {
  const r = index % 10;
  return r < 3 ? 'fast' : r < 7 ? 'regular' : 'intermittent';
}

export function generateSku(index: number, days: number, seed: number): number[] {
  const u = mulberry32(seed * 100003 + index);
  const kind = kindOf(index);
  const profile = Array.from({ length: 7 }, () => 0.7 + 0.6 * u());
  const values: number[] = [];
  if (kind === 'intermittent') {
    const p = 0.05 + 0.2 * u();
    for (let t = 0; t < days; t++) values.push(u() < p ? 1 + Math.floor(u() * 6) : 0);
    return values;
  }
  const base = kind === 'fast' ? 20 + 40 * u() : 2 + 6 * u();
  const slope = ((u() - 0.3) * base) / days;
  for (let t = 0; t < days; t++) values.push(poisson(u, Math.max(0.1, (base + slope * t) * profile[t % 7])));
  return values;
}
