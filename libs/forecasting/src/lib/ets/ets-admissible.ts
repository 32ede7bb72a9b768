import type { EtsParameters } from './ets-spec';

/**
 * The admissibility test forecast::ets adds to the usual bounds (its default `bounds = "both"`; Hyndman, Akram &
 * Archibald 2008) for seasonal models: every root of
 *   P(z) = phi(1 - alpha - gamma) + (alpha + beta - alpha phi + gamma - 1) z + (alpha + beta - alpha phi)(z^2 + ... + z^(m-1))
 *          + (alpha + beta - phi) z^m + z^(m+1)
 * must lie within 1 + 1e-10 of the origin. Without a season, the usual region is inside the admissible one.
 * Decided without computing roots, by the Schur-Cohn step-down on P(r z), r = 1 + 1e-10: all roots of a monic
 * polynomial are strictly inside the unit circle iff every reflection coefficient has modulus below 1.
 */
export function isAdmissible(par: EtsParameters, m: number, scratch: Float64Array = new Float64Array(m + 2)): boolean {
  const { alpha, beta, gamma, phi } = par;
  const n = m + 1;
  // a[i] is the coefficient of z^(n - i) of the monic polynomial, a[0] = 1.
  const a = scratch;
  const middle = alpha + beta - alpha * phi;
  a[0] = 1;
  a[1] = alpha + beta - phi;
  for (let i = 2; i <= n - 2; i++) a[i] = middle;
  a[n - 1] = middle + gamma - 1;
  a[n] = phi * (1 - alpha - gamma);
  const r = 1 + 1e-10;
  let scale = 1;
  for (let i = 1; i <= n; i++) {
    scale /= r;
    a[i] *= scale;
  }
  for (let degree = n; degree >= 1; degree--) {
    const k = a[degree];
    if (!(k > -1 && k < 1)) return false;
    const denominator = 1 - k * k;
    for (let i = 1, j = degree - 1; i <= j; i++, j--) {
      const ai = a[i];
      const aj = a[j];
      a[i] = (ai - k * aj) / denominator;
      if (i !== j) a[j] = (aj - k * ai) / denominator;
    }
  }
  return true;
}
