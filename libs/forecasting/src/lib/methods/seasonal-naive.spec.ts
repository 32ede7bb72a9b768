import { seasonalNaive } from './seasonal-naive';

describe('seasonalNaive', () => {
  it('repeats the last season and widens by whole seasons ahead', () => {
    const y = [1, 2, 3, 2, 3, 5];
    // Seasonal differences (m = 3): 1, 1, 2 -> sigma^2 = 6 / 3 = 2.
    const model = seasonalNaive(y, 3);
    const p = model?.predict(4);
    expect(Array.from(p?.mean ?? [])).toEqual([2, 3, 5, 2]);
    expect((p?.hi95[0] ?? 0) - 2).toBeCloseTo(1.959963984540054 * Math.sqrt(2), 10);
    expect((p?.hi95[3] ?? 0) - 2).toBeCloseTo(1.959963984540054 * Math.sqrt(4), 10);
  });

  it('needs more than one season', () => {
    expect(seasonalNaive([1, 2, 3], 3)).toBeNull();
  });
});
