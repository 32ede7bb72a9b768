import { tsb } from './tsb';

describe('tsb', () => {
  it('a sale of 2 every fifth day: mean near 0.4, intervals from the no-sale / size mixture', () => {
    const y = Array.from({ length: 100 }, (_, t) => (t % 5 === 4 ? 2 : 0));
    const p = tsb(y)?.predict(3);
    expect(p?.mean[0]).toBeGreaterThan(0.3);
    expect(p?.mean[0]).toBeLessThan(0.5);
    // About 80 % of the mass is at 0: the 2.5 % and 10 % quantiles are 0, the 97.5 % quantile is a sale.
    expect(p?.lo80[0]).toBe(0);
    expect(p?.lo95[0]).toBe(0);
    expect(p?.hi95[0]).toBeGreaterThan(1);
    expect(Array.from(p?.mean ?? [])).toEqual([p?.mean[0], p?.mean[0], p?.mean[0]]);
  });

  it('no sales at all forecasts zero', () => {
    const p = tsb(new Array(60).fill(0))?.predict(2);
    expect(Array.from(p?.hi95 ?? [])).toEqual([0, 0]);
  });
});
