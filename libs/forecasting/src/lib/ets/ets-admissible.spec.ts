import { seededUniform } from '../../test/seeded-series';
import { isAdmissible } from './ets-admissible';

/** Largest root modulus by Durand-Kerner iteration: an independent check on the step-down test. */
function maxRootModulus(ascending: number[]): number {
  const n = ascending.length - 1;
  const lead = ascending[n];
  const c = ascending.map((x) => x / lead);
  let re = Array.from({ length: n }, (_, k) => 0.9 * Math.cos((2 * Math.PI * k) / n + 0.4));
  let im = Array.from({ length: n }, (_, k) => 0.9 * Math.sin((2 * Math.PI * k) / n + 0.4));
  for (let iter = 0; iter < 2000; iter++) {
    const nre = [...re];
    const nim = [...im];
    for (let k = 0; k < n; k++) {
      // p(z_k) by Horner, then divide by prod (z_k - z_j).
      let pr = 1;
      let pi = 0;
      for (let d = n - 1; d >= 0; d--) {
        const tr = pr * re[k] - pi * im[k] + c[d];
        pi = pr * im[k] + pi * re[k];
        pr = tr;
      }
      let qr = 1;
      let qi = 0;
      for (let j = 0; j < n; j++) {
        if (j === k) continue;
        const dr = re[k] - re[j];
        const di = im[k] - im[j];
        const tr = qr * dr - qi * di;
        qi = qr * di + qi * dr;
        qr = tr;
      }
      const den = qr * qr + qi * qi;
      nre[k] = re[k] - (pr * qr + pi * qi) / den;
      nim[k] = im[k] - (pi * qr - pr * qi) / den;
    }
    re = nre;
    im = nim;
  }
  return Math.max(...re.map((r, k) => Math.hypot(r, im[k])));
}

function characteristic(alpha: number, beta: number, gamma: number, phi: number, m: number): number[] {
  const middle = alpha + beta - alpha * phi;
  return [phi * (1 - alpha - gamma), middle + gamma - 1, ...new Array(m - 2).fill(middle), alpha + beta - phi, 1];
}

describe('isAdmissible', () => {
  it('agrees with the roots of the characteristic polynomial on 300 seeded parameter sets', () => {
    const u = seededUniform(77);
    let inadmissible = 0;
    for (let i = 0; i < 300; i++) {
      const m = [4, 7, 12][i % 3];
      const alpha = 1.6 * u();
      const beta = (u() - 0.3) * alpha;
      const gamma = 1.4 * u() * (1.2 - Math.min(alpha, 1));
      const phi = 0.8 + 0.2 * u();
      const expected = maxRootModulus(characteristic(alpha, beta, gamma, phi, m)) <= 1 + 1e-6;
      if (!expected) inadmissible++;
      expect([i, isAdmissible({ alpha, beta, gamma, phi }, m)]).toEqual([i, expected]);
    }
    expect(inadmissible).toBeGreaterThan(30);
  });
});
