import { trendWeeklySeries } from '../../test/seeded-series';
import { parseArgs, runForecastCommand } from './forecast-command';
import { parseSeriesCsv } from './series-csv';

function csvOf(rows: [string, string, number][]): string {
  return ['series,date,value', ...rows.map((r) => r.join(','))].join('\n');
}

describe('forecast command', () => {
  it('parses its flags and rejects bad ones', () => {
    expect(parseArgs(['--input', 'x.csv', '--horizon', '14'])).toEqual({ input: 'x.csv', horizon: 14, frequency: 'day', seasonLength: undefined });
    expect(parseArgs(['--input', 'x.csv', '--horizon', '4', '--frequency', 'quarter', '--season', '4']).seasonLength).toBe(4);
    expect(() => parseArgs(['--input', 'x.csv', '--horizon', '0'])).toThrow(/--horizon/);
    expect(() => parseArgs(['--input', 'x.csv', '--horizon', '3', '--frequency', 'hour'])).toThrow(/--frequency/);
  });

  it('rejects a gap in a series, naming the series and the line', () => {
    const text = csvOf([
      ['a', '2024-01-01', 1],
      ['a', '2024-01-02', 2],
      ['a', '2024-01-04', 3],
    ]);
    expect(() => parseSeriesCsv(text, 'day')).toThrow('series "a": 2024-01-04 (line 4) follows 2024-01-02 after a gap');
  });

  it('prints one line per forecast date and a summary per series, in input order', async () => {
    const start = Date.UTC(2024, 0, 1);
    const day = (t: number) => new Date(start + t * 86_400_000).toISOString().slice(0, 10);
    const values = trendWeeklySeries(11, 84);
    const rows: [string, string, number][] = [
      ...values.map((v, t): [string, string, number] => ['sku-1', day(t), Number(v.toFixed(2))]),
      ...[1, 0, 2].map((v, t): [string, string, number] => ['sku-2', day(t), v]),
    ];
    const lines: string[] = [];
    await runForecastCommand(parseArgs(['--input', 'in.csv', '--horizon', '3']), { readFile: () => csvOf(rows), writeLine: (l) => lines.push(l) });
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed.slice(0, 3).map((p) => [p.series, p.date, p.method])).toEqual([
      ['sku-1', day(84), 'ets'],
      ['sku-1', day(85), 'ets'],
      ['sku-1', day(86), 'ets'],
    ]);
    for (const p of parsed.slice(0, 3)) {
      expect(Object.keys(p)).toEqual(['series', 'date', 'mean', 'lo80', 'hi80', 'lo95', 'hi95', 'method']);
      expect(p.lo95).toBeLessThanOrEqual(p.lo80);
      expect(p.lo80).toBeLessThanOrEqual(p.mean);
      expect(p.mean).toBeLessThanOrEqual(p.hi80);
    }
    expect(parsed[3]).toMatchObject({ series: 'sku-1', summary: true, status: 'ok', model: expect.stringMatching(/^ETS\(/) });
    expect(typeof parsed[3].mase).toBe('number');
    expect(parsed[4]).toMatchObject({ series: 'sku-2', summary: true, status: 'insufficient_history' });
    expect(parsed).toHaveLength(5);
  });
});
