import type { FittedModel, Prediction } from '../types';
import { rollingBacktest } from './backtest';
import { confidenceOf } from './confidence';

/** Predicts the last training value, with a fixed +-1 interval (80 %) and +-2 (95 %). */
function lastValue(train: Float64Array): FittedModel {
  const last = train[train.length - 1];
  return {
    method: 'ets',
    model: 'test',
    parameters: {},
    predict: (h): Prediction => ({
      mean: new Float64Array(h).fill(last),
      lo80: new Float64Array(h).fill(last - 1),
      hi80: new Float64Array(h).fill(last + 1),
      lo95: new Float64Array(h).fill(last - 2),
      hi95: new Float64Array(h).fill(last + 2),
    }),
  };
}

describe('rollingBacktest', () => {
  const plan = { refit: lastValue, adjust: (p: Prediction) => p, baselineSeason: 2, origins: 3, horizon: 2, minimumTrain: 4 };

  it('evaluates 3 origins of 2 points each, by hand', () => {
    const y = Float64Array.from([1, 3, 1, 3, 1, 3, 2, 5, 1, 3]);
    // Origins 4, 6, 8. Last values 3, 3, 5; actuals [1,3], [2,5], [1,3]: errors 2+0, 1+2, 4+2 = 11.
    // Seasonal naive (m = 2) from each origin: [1,3], [1,3], [2,5]: errors 0+0, 1+2, 1+2 = 6.
    const r = rollingBacktest(y, plan);
    expect(r.origins).toBe(3);
    expect(r.points).toBe(6);
    expect(r.relativeMae).toBeCloseTo(11 / 6, 12);
    // Inside +-1 of the prediction: 3 (origin 4), 2 (origin 6), none at origin 8 -> 2 of 6.
    expect(r.coverage80).toBeCloseTo(2 / 6, 12);
    // MASE per origin: MAE / in-sample seasonal-naive MAE; origin 4 scale 0 is skipped.
    // origin 6: train 1,3,1,3,1,3 -> scale 0 (skipped); origin 8: train ...,2,5 -> diffs 0,0,0,0,1,2 -> 0.5; MAE 3.
    expect(r.mase).toBeCloseTo(3 / 0.5, 12);
  });

  it('reports null figures with a reason when the history is too short', () => {
    const r = rollingBacktest(Float64Array.from([1, 2, 3, 4, 5]), plan);
    expect(r.mase).toBeNull();
    expect(r.reason).toMatch(/too short/);
    expect(confidenceOf(r)).toBe('unknown');
  });
});

describe('confidenceOf', () => {
  const base = { origins: 3, horizon: 7, points: 21 };
  it.each([
    [0.7, 0.5, 0.8, 0.95, 'high'],
    [0.7, 1.2, 0.8, 0.95, 'medium'],
    [0.7, null, 0.8, 0.95, 'medium'],
    [0.7, 0.5, 0.65, 0.95, 'medium'],
    [0.95, 0.5, 0.8, 0.95, 'medium'],
    [1.2, 0.5, 0.8, 0.95, 'low'],
    [0.7, 0.5, 0.5, 0.7, 'low'],
  ])('MASE %p, relative MAE %p, coverage %p / %p -> %p', (mase, relativeMae, coverage80, coverage95, expected) => {
    expect(confidenceOf({ ...base, mase, relativeMae, coverage80, coverage95 })).toBe(expected);
  });
});
