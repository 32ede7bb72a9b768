import { addPeriods, periodIndex } from './calendar';

describe('calendar', () => {
  it.each([
    ['2024-02-27', 'day', 3, '2024-03-01'],
    ['2024-12-30', 'week', 1, '2025-01-06'],
    ['2024-01-31', 'month', 1, '2024-02-29'],
    ['2023-11-01', 'quarter', 2, '2024-05-01'],
  ] as const)('%s + %p %s = %s', (date, frequency, k, expected) => {
    expect(addPeriods(date, frequency, k)).toBe(expected);
  });

  it('indexes months and quarters, and rejects impossible dates', () => {
    expect(periodIndex('1970-03-01', 'month')).toBe(2);
    expect(periodIndex('1970-04-01', 'quarter')).toBe(1);
    expect(periodIndex('1970-02-01', 'quarter')).not.toBe(Math.round(periodIndex('1970-02-01', 'quarter')));
    expect(periodIndex('2024-02-30', 'day')).toBeNaN();
  });
});
