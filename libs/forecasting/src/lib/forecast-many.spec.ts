import { trendWeeklySeries } from '../test/seeded-series';
import { ForecastCancelledError } from './errors';
import { forecastMany, type ForecastProgress } from './forecast-many';

const series = [
  { id: 'a', values: trendWeeklySeries(1, 70) },
  { id: 'short', values: trendWeeklySeries(2, 20) },
  { id: 'b', values: trendWeeklySeries(3, 70) },
];

describe('forecastMany', () => {
  it('reports both stages in order with fractions rising to 1, and keeps the input order', async () => {
    const seen: ForecastProgress[] = [];
    const results = await forecastMany(series, { frequency: 'day', horizon: 7, onProgress: (p) => seen.push(p) });
    expect(results.map((r) => [r.id, r.result.status])).toEqual([
      ['a', 'ok'],
      ['short', 'insufficient_history'],
      ['b', 'ok'],
    ]);
    expect(seen.map((p) => `${p.stage}:${p.done}/${p.total}`)).toEqual([
      'fitting:0/3', 'fitting:1/3', 'fitting:2/3', 'fitting:3/3',
      'backtesting:0/3', 'backtesting:1/3', 'backtesting:2/3', 'backtesting:3/3',
    ]);
    const first = results[0].result;
    if (first.status !== 'ok') throw new Error('expected a forecast');
    expect(first.points).toHaveLength(7);
    expect(first.accuracy.origins).toBe(3);
    const short = results[1].result;
    expect(short.status === 'insufficient_history' && short.minimumLength).toBe(56);
  });

  it('stops at the next series once the signal aborts, with ForecastCancelledError', async () => {
    const controller = new AbortController();
    const stages: string[] = [];
    const run = forecastMany(series, {
      frequency: 'day',
      horizon: 7,
      signal: controller.signal,
      onProgress: (p) => {
        stages.push(`${p.stage}:${p.done}`);
        if (p.done === 1) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ForecastCancelledError);
    // The sentinel: nothing after the first series was fitted.
    expect(stages).toEqual(['fitting:0', 'fitting:1']);
  });
});
