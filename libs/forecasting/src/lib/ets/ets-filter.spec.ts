import { etsFilter } from './ets-filter';
import { fitEts } from './ets-fit';
import { etsPrediction } from './ets-predict';

const flat = { level: 10, trend: 0, season: new Float64Array(0) };
const ses = { alpha: 0.5, beta: 0, gamma: 0, phi: 1 };

describe('etsFilter', () => {
  it('ETS(A,N,N) by hand: y = 10, 12, 11 from level 10 with alpha 0.5', () => {
    // errors 0, 2, 0 (levels 10, 11, 11): SSE 4, -2 log L (concentrated) = 3 log 4.
    const out = etsFilter([10, 12, 11], { error: 'A', trend: 'N', season: 'N', m: 1 }, ses, flat, true);
    expect(out?.sse).toBeCloseTo(4, 12);
    expect(out?.lik).toBeCloseTo(3 * Math.log(4), 12);
    expect(out?.final.level).toBeCloseTo(11, 12);
  });

  it('ETS(M,N,N) uses relative errors and adds 2 sum log|yhat|', () => {
    const out = etsFilter([10, 12, 11], { error: 'M', trend: 'N', season: 'N', m: 1 }, ses, flat);
    // One-step forecasts 10, 10, 11; relative errors 0, 0.2, 0.
    expect(out?.sse).toBeCloseTo(0.04, 12);
    expect(out?.lik).toBeCloseTo(3 * Math.log(0.04) + 2 * (Math.log(10) + Math.log(10) + Math.log(11)), 10);
  });

  it('ETS(A,A,A) by hand for two steps (m = 2)', () => {
    const par = { alpha: 0.5, beta: 0.1, gamma: 0.2, phi: 1 };
    const start = { level: 10, trend: 1, season: Float64Array.from([2, -2]) };
    const out = etsFilter([14, 8], { error: 'A', trend: 'A', season: 'A', m: 2 }, par, start, true);
    // t1: q = 11, yhat = 13, e = 1 -> level 11.5, trend 1 + 0.2 * (0.5 - 0) = 1.1, s0 = 2 + 0.2 * (3 - 2) = 2.2
    // t2: q = 12.6, yhat = 10.6, e = -2.6 -> level 11.3, trend 1.1 + 0.2 * (-1.3) = 0.84, s1 = -2 + 0.2 * (-4.6 + 2) = -2.52
    expect(out?.sse).toBeCloseTo(1 + 2.6 ** 2, 10);
    expect(out?.final.level).toBeCloseTo(11.3, 10);
    expect(out?.final.trend).toBeCloseTo(0.84, 10);
    expect(Array.from(out?.final.season ?? [])).toEqual([expect.closeTo(2.2, 10), expect.closeTo(-2.52, 10)]);
  });
});

describe('ETS intervals', () => {
  it('ETS(A,N,N): analytic variance sigma^2 (1 + (h - 1) alpha^2)', () => {
    const y = [10, 12, 11, 13, 12, 14, 13, 12, 15, 14, 13, 15, 16, 14, 15];
    const fit = fitEts(y, { error: 'A', trend: 'N', season: 'N', m: 1 });
    if (!fit) throw new Error('no fit');
    const p = etsPrediction(fit, 3, 1, 100);
    for (let h = 1; h <= 3; h++) {
      const sd = Math.sqrt(fit.sigma2 * (1 + (h - 1) * fit.par.alpha ** 2));
      expect(p.hi95[h - 1] - p.mean[h - 1]).toBeCloseTo(1.959963984540054 * sd, 8);
      expect(p.mean[h - 1] - p.lo80[h - 1]).toBeCloseTo(1.2815515655446004 * sd, 8);
    }
  });

  it('multiplicative models simulate with a seed: same seed, same intervals', () => {
    const y = Array.from({ length: 48 }, (_, t) => (100 + t) * (1 + 0.3 * Math.sin((2 * Math.PI * t) / 12)) * (1 + 0.02 * Math.cos(7 * t)));
    const fit = fitEts(y, { error: 'M', trend: 'A', season: 'M', m: 12 });
    if (!fit) throw new Error('no fit');
    const a = etsPrediction(fit, 6, 42, 500);
    const b = etsPrediction(fit, 6, 42, 500);
    expect(Array.from(a.hi80)).toEqual(Array.from(b.hi80));
    for (let h = 0; h < 6; h++) expect(a.lo95[h]).toBeLessThan(a.lo80[h]);
  });
});
