import type { EtsFit } from './ets-fit';
import { etsPointForecast, etsPrediction, etsSimulatedPrediction } from './ets-predict';
import type { EtsSpec } from './ets-spec';

function fitted(spec: EtsSpec, par: EtsFit['par'], final: EtsFit['final'], sigma2: number): EtsFit {
  return { spec, par, initial: final, final, n: 100, np: 5, lik: 0, aic: 0, aicc: 0, sigma2, evaluations: 0 };
}

/** Analytic interval widths must agree with 20,000 simulated paths of the same model (an independent route). */
function expectAgreement(fit: EtsFit, horizon: number) {
  const analytic = etsPrediction(fit, horizon, 1, 0);
  const simulated = etsSimulatedPrediction(fit, etsPointForecast(fit, horizon), 7, 20_000);
  for (const h of [0, Math.floor(horizon / 2), horizon - 1]) {
    const ratio95 = (analytic.hi95[h] - analytic.lo95[h]) / (simulated.hi95[h] - simulated.lo95[h]);
    const ratio80 = (analytic.hi80[h] - analytic.lo80[h]) / (simulated.hi80[h] - simulated.lo80[h]);
    expect(Math.abs(ratio95 - 1)).toBeLessThan(0.04);
    expect(Math.abs(ratio80 - 1)).toBeLessThan(0.04);
  }
}

describe('ETS prediction intervals', () => {
  it('class 1, ETS(A,Ad,A): analytic variance matches simulation', () => {
    const season = Float64Array.from([3, -1, -4, 2]);
    expectAgreement(fitted({ error: 'A', trend: 'Ad', season: 'A', m: 4 }, { alpha: 0.4, beta: 0.1, gamma: 0.2, phi: 0.9 }, { level: 50, trend: 1, season }, 4), 12);
  });

  it('class 2, ETS(M,A,N): analytic variance matches simulation', () => {
    const none = new Float64Array(0);
    expectAgreement(fitted({ error: 'M', trend: 'A', season: 'N', m: 1 }, { alpha: 0.3, beta: 0.05, gamma: 0, phi: 1 }, { level: 100, trend: 2, season: none }, 0.0025), 12);
  });

  it('class 2, ETS(M,N,A): analytic variance matches simulation', () => {
    const season = Float64Array.from([10, -5, -15, 10]);
    expectAgreement(fitted({ error: 'M', trend: 'N', season: 'A', m: 4 }, { alpha: 0.2, beta: 0, gamma: 0.1, phi: 1 }, { level: 200, trend: 0, season }, 0.0016), 8);
  });
});
