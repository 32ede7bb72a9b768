import { airPassengers, type ClassicSeries, ukGas, usAccDeaths } from '../test/classic-series.fixture';
import { selectEts } from './ets/ets-select';
import { etsName } from './ets/ets-spec';
import { fitSeries } from './forecast-series';

/**
 * Published forecast::ets figures, from the tutorial "Which Forecasting Model in R? A Decision Guide"
 * (Choosing-a-Forecasting-Model-in-R, 2026-07-18): AirPassengers trained to Dec 1958, tested on 1959-1960;
 * and ets(USAccDeaths)$method on the full series.
 */
const PUBLISHED = {
  airPassengers1959: { etsModel: 'ETS(M,Ad,M)', ets: { rmse: 72.55, mae: 63.21, mape: 13.3 }, snaive: { rmse: 76.99, mae: 71.25, mape: 15.52 } },
  usAccDeathsModel: 'ETS(A,N,A)',
};

/** Held-out accuracy computed here, independently of the library's metrics. */
function evaluate(series: ClassicSeries, train: number[], test: number[]) {
  const m = series.seasonLength;
  const fitted = fitSeries(train, { frequency: series.frequency, horizon: test.length });
  if (fitted.status !== 'fitted') throw new Error(`${series.name}: ${fitted.status}`);
  let scale = 0;
  for (let t = m; t < train.length; t++) scale += Math.abs(train[t] - train[t - m]);
  scale /= train.length - m;
  const sums = { se: 0, ae: 0, ape: 0, naiveSe: 0, naiveAe: 0, naiveApe: 0, in80: 0, in95: 0 };
  test.forEach((actual, i) => {
    const p = fitted.points[i];
    const naive = train[train.length - m + (i % m)];
    sums.se += (actual - p.mean) ** 2;
    sums.ae += Math.abs(actual - p.mean);
    sums.ape += Math.abs((actual - p.mean) / actual);
    sums.naiveSe += (actual - naive) ** 2;
    sums.naiveAe += Math.abs(actual - naive);
    sums.naiveApe += Math.abs((actual - naive) / actual);
    if (actual >= p.lo80 && actual <= p.hi80) sums.in80++;
    if (actual >= p.lo95 && actual <= p.hi95) sums.in95++;
  });
  const h = test.length;
  return {
    model: fitted.model.model,
    mase: sums.ae / h / scale,
    rmse: Math.sqrt(sums.se / h),
    mae: sums.ae / h,
    mape: (100 * sums.ape) / h,
    naive: { rmse: Math.sqrt(sums.naiveSe / h), mae: sums.naiveAe / h, mape: (100 * sums.naiveApe) / h },
    coverage80: sums.in80 / h,
    coverage95: sums.in95 / h,
  };
}

describe('acceptance: classic public series (real observations)', () => {
  it('chooses the model forecast::ets chooses for USAccDeaths', () => {
    const selection = selectEts(usAccDeaths.values, 12);
    expect(selection && etsName(selection.best.spec)).toBe(PUBLISHED.usAccDeathsModel);
  });

  it('AirPassengers 1959-1960 from 1949-1958: reproduces the published seasonal-naive figures and is at least as accurate as forecast::ets', () => {
    const r = evaluate(airPassengers, airPassengers.values.slice(0, 120), airPassengers.values.slice(120));
    // The same split and baseline as the publication: the data and the split are the same.
    expect(r.naive.rmse).toBeCloseTo(PUBLISHED.airPassengers1959.snaive.rmse, 1);
    expect(r.naive.mae).toBeCloseTo(PUBLISHED.airPassengers1959.snaive.mae, 1);
    expect(r.naive.mape).toBeCloseTo(PUBLISHED.airPassengers1959.snaive.mape, 1);
    expect(r.rmse).toBeLessThanOrEqual(PUBLISHED.airPassengers1959.ets.rmse);
    expect(r.mae).toBeLessThanOrEqual(PUBLISHED.airPassengers1959.ets.mae);
    expect(r.mape).toBeLessThanOrEqual(PUBLISHED.airPassengers1959.ets.mape);
    expect(r.coverage95).toBeGreaterThanOrEqual(0.9);
  });

  it.each([airPassengers, ukGas, usAccDeaths])('$name, last season held out: ETS beats seasonal naive', (series) => {
    const m = series.seasonLength;
    const r = evaluate(series, series.values.slice(0, -m), series.values.slice(-m));
    expect(r.model).toMatch(/^ETS\(/);
    expect(r.mae).toBeLessThan(r.naive.mae);
    expect(r.coverage95).toBeGreaterThanOrEqual(0.75);
  });
});
