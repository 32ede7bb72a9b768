import { intermittentSeries, trendWeeklySeries } from '../test/seeded-series';
import { fitSeries } from './forecast-series';

const HOLD_OUT = 28;
const TRAIN = 182;

/** Held-out figures computed here, independently of the library's metrics. */
function heldOut(train: number[], actual: number[], mean: number[], lo80: number[], hi80: number[], lo95: number[], hi95: number[]) {
  let scale = 0;
  for (let t = 7; t < train.length; t++) scale += Math.abs(train[t] - train[t - 7]);
  scale /= train.length - 7;
  let mae = 0;
  let naiveMae = 0;
  let in80 = 0;
  let in95 = 0;
  actual.forEach((a, i) => {
    mae += Math.abs(a - mean[i]);
    naiveMae += Math.abs(a - train[train.length - 7 + (i % 7)]);
    if (a >= lo80[i] && a <= hi80[i]) in80++;
    if (a >= lo95[i] && a <= hi95[i]) in95++;
  });
  return { mase: mae / actual.length / scale, mae, naiveMae, in80, in95 };
}

describe('acceptance: series with known structure (fixed seeds)', () => {
  it('trend + weekly seasonality + noise: ETS beats seasonal naive and the 80 % interval covers 75-85 % of held-out points', () => {
    const rows = Array.from({ length: 40 }, (_, k) => {
      const y = trendWeeklySeries(1000 + k, TRAIN + HOLD_OUT);
      const train = y.slice(0, TRAIN);
      const fitted = fitSeries(train, { frequency: 'day', horizon: HOLD_OUT });
      if (fitted.status !== 'fitted') throw new Error(`series ${k}: ${fitted.status}`);
      const p = fitted.points;
      return {
        method: fitted.model.method,
        ...heldOut(train, y.slice(TRAIN), p.map((x) => x.mean), p.map((x) => x.lo80), p.map((x) => x.hi80), p.map((x) => x.lo95), p.map((x) => x.hi95)),
      };
    });
    const points = rows.length * HOLD_OUT;
    const meanMase = rows.reduce((a, r) => a + r.mase, 0) / rows.length;
    const relative = rows.reduce((a, r) => a + r.mae, 0) / rows.reduce((a, r) => a + r.naiveMae, 0);
    const coverage80 = rows.reduce((a, r) => a + r.in80, 0) / points;
    const coverage95 = rows.reduce((a, r) => a + r.in95, 0) / points;

    expect(rows.every((r) => r.method === 'ets')).toBe(true);
    expect(meanMase).toBeLessThan(1);
    expect(relative).toBeLessThan(1);
    expect(rows.filter((r) => r.mase < 1).length).toBeGreaterThanOrEqual(36);
    expect(coverage80).toBeGreaterThanOrEqual(0.75);
    expect(coverage80).toBeLessThanOrEqual(0.85);
    expect(coverage95).toBeGreaterThanOrEqual(0.9);
    expect(coverage95).toBeLessThanOrEqual(0.99);
  });

  it('intermittent demand (sales on 8-20 % of days) chooses TSB, with ordered non-negative intervals', () => {
    for (let k = 0; k < 20; k++) {
      const fitted = fitSeries(intermittentSeries(2000 + k, 140), { frequency: 'day', horizon: 14 });
      if (fitted.status !== 'fitted') throw new Error(`series ${k}: ${fitted.status}`);
      expect(fitted.model.method).toBe('tsb');
      for (const p of fitted.points) {
        expect(p.lo95).toBeGreaterThanOrEqual(0);
        expect(p.lo80).toBeGreaterThanOrEqual(p.lo95);
        // With sales on under 10 % of days the 90 % quantile is 0, below the mean: correct for this distribution.
        expect(p.hi80).toBeGreaterThanOrEqual(p.lo80);
        expect(p.hi95).toBeGreaterThanOrEqual(p.hi80);
      }
    }
  });
});
