/**
 * Deterministic pseudo-random numbers for the sandboxes. `Math.random` is never used: the same
 * seed always produces the same dataset, so totals asserted by tests are stable.
 */

/** mulberry32: a tiny 32-bit generator; returns a function yielding floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes up to three integers into one 32-bit seed (murmur3-style finaliser per step). */
export function mixSeed(a: number, b: number, c = 0): number {
  let h = 0x811c9dc5;
  h = mixStep(h, a);
  h = mixStep(h, b);
  return mixStep(h, c);
}

function mixStep(h: number, part: number): number {
  h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  // Fold in the high bits of parts that exceed 32 bits.
  return Math.imul(h ^ Math.floor(part / 4294967296), 0x27d4eb2f) >>> 0;
}

/** FNV-1a hash of a string, for seeds and stable identifiers derived from names. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Integer in [min, max] inclusive drawn from `next`. */
export function intBetween(next: () => number, min: number, max: number): number {
  return min + Math.floor(next() * (max - min + 1));
}

/** Stable hex token material (not a secret: sandbox credentials are printed on purpose). */
export function stableHex(seed: number, length: number): string {
  const next = mulberry32(seed);
  let out = '';
  while (out.length < length) out += Math.floor(next() * 0x100000000).toString(16).padStart(8, '0');
  return out.slice(0, length);
}
