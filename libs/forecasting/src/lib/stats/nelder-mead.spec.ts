import { nelderMead } from './nelder-mead';

describe('nelderMead', () => {
  it('finds the Rosenbrock minimum at (1, 1)', () => {
    const r = nelderMead((x) => (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2, [-1.2, 1], { steps: [0.1, 0.1], maxEvaluations: 5000, absTol: 1e-14 });
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(1, 3);
  });

  it('never accepts a point where the objective is Infinity (a bound)', () => {
    const r = nelderMead((x) => (x[0] < 0.5 ? Infinity : (x[0] - 0.2) ** 2), [0.9], { steps: [0.1], maxEvaluations: 500, absTol: 1e-12 });
    expect(r.x[0]).toBeGreaterThanOrEqual(0.5);
    expect(r.x[0]).toBeCloseTo(0.5, 4);
  });

  it('stops at maxEvaluations', () => {
    expect(nelderMead((x) => x[0] ** 2 + x[1] ** 2, [5, 5], { steps: [1, 1], maxEvaluations: 20, absTol: 0 }).evaluations).toBeLessThanOrEqual(22);
  });
});
