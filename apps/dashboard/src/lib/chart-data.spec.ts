import type { WorkingCapitalPoint } from '@ops/read-api-contract';

import { dateToSeconds, forecastColumns, workingCapitalColumns } from './chart-data';

const point = (asOf: string, syncedAt: string, workingCapital: string): WorkingCapitalPoint => ({
  asOf,
  syncedAt,
  currency: 'GBP',
  workingCapital,
  currentAssets: '100.00',
  currentLiabilities: '40.00',
});

describe('workingCapitalColumns', () => {
  it('puts every reading at its sync time, oldest first', () => {
    const columns = workingCapitalColumns([
      point('2026-12-01', '2026-12-01T10:00:00Z', '60.00'),
      point('2026-11-30', '2026-11-30T10:00:00Z', '55.50'),
      point('2026-12-01', '2026-12-01T09:00:00.000+01:00', '10.00'),
    ]);
    const seconds = (iso: string) => Date.parse(iso) / 1000;
    expect(columns).toEqual([
      [seconds('2026-11-30T10:00:00Z'), seconds('2026-12-01T08:00:00Z'), seconds('2026-12-01T10:00:00Z')],
      [55.5, 10, 60],
      [100, 100, 100],
      [40, 40, 40],
    ]);
  });

  it('gives empty columns for no history', () => {
    expect(workingCapitalColumns([])).toEqual([[], [], [], []]);
  });

  it('reads a date as UTC midnight', () => {
    expect(dateToSeconds('1970-01-02')).toBe(86_400);
  });
});

describe('forecastColumns', () => {
  it('puts actuals and forecast on one axis with gaps, not zeros', () => {
    const columns = forecastColumns(
      [
        { date: '2026-11-29', units: 4 },
        { date: '2026-11-30', units: 0 },
      ],
      [{ date: '2026-12-01', mean: 3.5, lo80: 2, hi80: 5, lo95: 1, hi95: 6 }],
    );
    expect(columns).toEqual([
      ['2026-11-29', '2026-11-30', '2026-12-01'].map(dateToSeconds),
      [4, 0, null],
      [null, null, 3.5],
      [null, null, 2],
      [null, null, 5],
      [null, null, 1],
      [null, null, 6],
    ]);
  });
});
