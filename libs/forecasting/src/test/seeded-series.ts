import { mulberry32 } from '../lib/stats/prng';

/** Seeded generators for the specs' synthetic series (spec input with known structure, never production data). */
export const seededUniform = mulberry32;

export function seededNormal(seed: number): () => number {
  const u = seededUniform(seed);
  return () => Math.sqrt(-2 * Math.log(Math.max(u(), 1e-12))) * Math.cos(2 * Math.PI * u());
}

/** Level + linear trend + fixed weekly profile + Gaussian noise; strictly positive by construction of the sizes. */
export function trendWeeklySeries(seed: number, length: number): number[] {
  const u = seededUniform(seed);
  const z = seededNormal(seed + 7919);
  const level = 80 + 80 * u();
  const slope = (u() - 0.5) * 0.3;
  const profile = Array.from({ length: 7 }, () => (u() - 0.5) * 0.5 * level);
  const mean = profile.reduce((a, b) => a + b, 0) / 7;
  const sd = (0.04 + 0.04 * u()) * level;
  return Array.from({ length }, (_, t) => level + slope * t + profile[t % 7] - mean + sd * z());
}

/** Sales on a share `p` of days (0.08-0.2), sizes 1-4. */
export function intermittentSeries(seed: number, length: number): number[] {
  const u = seededUniform(seed);
  const p = 0.08 + 0.12 * u();
  return Array.from({ length }, () => (u() < p ? 1 + Math.floor(u() * 4) : 0));
}
