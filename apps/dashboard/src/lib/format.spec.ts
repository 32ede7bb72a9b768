import { formatCount, formatInstant, formatMoney, formatMoneyWhole, formatQuantity, formatRatio, formatShare } from './format';

describe('formatMoney', () => {
  it.each([
    ['1234.5', 'GBP', 'en-GB', '£1,234.50'],
    ['-12.00', 'EUR', 'en-GB', '-€12.00'],
    ['0', 'USD', 'en-US', '$0.00'],
    ['1000', 'JPY', 'en-US', '¥1,000'],
  ])('formats %s %s in %s as %s', (amount, currency, locale, expected) => {
    expect(formatMoney(amount, currency, locale)).toBe(expected);
  });

  it('keeps digits a binary float would lose', () => {
    expect(formatMoney('90071992547409.93', 'GBP', 'en-GB')).toBe('£90,071,992,547,409.93');
  });
});

describe('other figures', () => {
  it('formats counts, ratios and shares', () => {
    expect(formatCount(12500, 'en-GB')).toBe('12,500');
    expect(formatRatio(1.5, 'en-GB')).toBe('1.50');
    expect(formatRatio('2.345', 'en-GB')).toBe('2.35');
    expect(formatShare(0.425, 'en-GB')).toBe('43%');
    expect(formatQuantity('3712.25', 'en-GB')).toBe('3,712.25');
    expect(formatMoneyWhole(14582.09, 'GBP', 'en-GB')).toBe('£14,582');
  });

  it('formats an instant in the given time zone', () => {
    expect(formatInstant('2026-03-01T09:30:00Z', 'en-GB', 'UTC')).toBe('1 Mar 2026, 09:30');
  });
});
