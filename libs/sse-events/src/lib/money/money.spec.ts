import { UnknownCurrencyError } from './currency';
import {
  formatMoney,
  fromMinorUnits,
  mergeByCurrency,
  MoneyPrecisionError,
  parseMoney,
  sumByCurrency,
  toMinorUnits,
} from './money';

/** Every currency the API sandbox offers: [currency, amount, written]. */
const SANDBOX_AMOUNTS: [string, string, string][] = [
  ['GBP', '12.5', '12.50'],
  ['GBP', '18234.5000', '18234.50'],
  ['GBP', '-0.01', '-0.01'],
  ['GBP', '0', '0.00'],
  ['EUR', '80.1', '80.10'],
  ['EUR', '1999.9900', '1999.99'],
  ['EUR', '-0.00', '0.00'],
  ['USD', '99.99', '99.99'],
  ['USD', '1000000', '1000000.00'],
  ['CAD', '42.0000', '42.00'],
  ['CAD', '0.05', '0.05'],
  ['AUD', '7.7', '7.70'],
  ['AUD', '123.4500', '123.45'],
  ['NZD', '15', '15.00'],
  ['NZD', '0.9900', '0.99'],
  ['CHF', '3.05', '3.05'],
  ['CHF', '250.1000', '250.10'],
  ['SEK', '499', '499.00'],
  ['SEK', '1234.5600', '1234.56'],
  ['DKK', '75.25', '75.25'],
  ['DKK', '-10.5', '-10.50'],
  ['NOK', '349.9', '349.90'],
  ['NOK', '0.0100', '0.01'],
  ['PLN', '19.99', '19.99'],
  ['PLN', '1200.0000', '1200.00'],
  ['JPY', '34451463.0000', '34451463'],
  ['JPY', '1200', '1200'],
  ['JPY', '-500.00', '-500'],
  ['JPY', '0.000', '0'],
  ['BHD', '12.3450', '12.345'],
  ['BHD', '12.5', '12.500'],
  ['BHD', '0.001', '0.001'],
  ['BHD', '-7', '-7.000'],
];

describe('formatMoney', () => {
  it.each(SANDBOX_AMOUNTS)('%s %s is written %s', (currency, amount, written) => {
    expect(formatMoney(amount, currency)).toBe(written);
  });

  it('covers every sandbox currency', () => {
    const covered = new Set(SANDBOX_AMOUNTS.map(([currency]) => currency));
    expect([...covered].sort()).toEqual(
      ['GBP', 'EUR', 'USD', 'CAD', 'AUD', 'NZD', 'CHF', 'SEK', 'DKK', 'NOK', 'PLN', 'JPY', 'BHD'].sort(),
    );
  });

  it.each([
    ['12.345', 'GBP'],
    ['0.001', 'EUR'],
    ['99.999', 'USD'],
    ['1.5', 'JPY'],
    ['34451463.01', 'JPY'],
    ['12.3456', 'BHD'],
    ['-0.0001', 'BHD'],
  ])('refuses %s %s rather than round it', (amount, currency) => {
    expect(() => formatMoney(amount, currency)).toThrow(MoneyPrecisionError);
    expect(() => formatMoney(amount, currency)).toThrow(`more decimals than ${currency} allows`);
  });

  it('refuses an unknown currency and a malformed amount', () => {
    expect(() => formatMoney('1.00', 'XYZ')).toThrow(UnknownCurrencyError);
    expect(() => formatMoney('1e3', 'GBP')).toThrow(RangeError);
    expect(() => formatMoney('12,50', 'EUR')).toThrow(RangeError);
  });

  it('keeps big amounts exact', () => {
    expect(formatMoney('123456789012345678901234567890.9900', 'GBP')).toBe('123456789012345678901234567890.99');
  });
});

describe('minor units', () => {
  it.each([
    ['12.50', 'GBP', 1250n],
    ['34451463.0000', 'JPY', 34451463n],
    ['12.3450', 'BHD', 12345n],
    ['-0.01', 'EUR', -1n],
  ])('%s %s is %p minor units and back', (amount, currency, units) => {
    expect(toMinorUnits(amount, currency)).toBe(units);
    expect(fromMinorUnits(units, currency)).toBe(formatMoney(amount, currency));
  });

  it('refuses amounts finer than a minor unit', () => {
    expect(() => toMinorUnits('0.5', 'JPY')).toThrow(MoneyPrecisionError);
  });
});

describe('parseMoney', () => {
  it('normalises money to the currency decimals', () => {
    expect(parseMoney('34451463.0000', 'JPY')).toEqual({ amount: '34451463', currency: 'JPY' });
    expect(parseMoney('12.5', 'BHD')).toEqual({ amount: '12.500', currency: 'BHD' });
  });

  it('refuses money with more decimals than the currency', () => {
    expect(() => parseMoney('12.345', 'GBP')).toThrow(MoneyPrecisionError);
    expect(() => parseMoney('1.5', 'JPY', { rate: false })).toThrow(MoneyPrecisionError);
  });

  it.each([
    ['1.23456', 'GBP', '1.23456'],
    ['0.0081', 'JPY', '0.0081'],
    ['2', 'GBP', '2.00'],
    ['150.250000', 'JPY', '150.25'],
    ['0.376000', 'BHD', '0.376'],
    ['1.2345000', 'BHD', '1.2345'],
  ])('allows the rate %s in %s, written %s', (amount, currency, written) => {
    expect(parseMoney(amount, currency, { rate: true })).toEqual({ amount: written, currency });
  });

  it('still refuses an unknown currency for a rate', () => {
    expect(() => parseMoney('1.5', 'XYZ', { rate: true })).toThrow(UnknownCurrencyError);
  });
});

describe('sumByCurrency', () => {
  it('keeps one exact total per currency, each with its own decimals, and never mixes them', () => {
    const totals = sumByCurrency([
      { amount: '0.1', currency: 'GBP' },
      { amount: '0.2', currency: 'GBP' },
      { amount: '10.0050', currency: 'BHD' },
      { amount: '-0.005', currency: 'BHD' },
      { amount: '99.99', currency: 'USD' },
      { amount: '34451463.0000', currency: 'JPY' },
      { amount: '1', currency: 'JPY' },
      { amount: '18234.5000', currency: 'EUR' },
    ]);
    expect(totals).toEqual({ BHD: '10.000', EUR: '18234.50', GBP: '0.30', JPY: '34451464', USD: '99.99' });
  });

  it('sums a million small BHD amounts exactly', () => {
    const amounts = Array.from({ length: 1_000_000 }, () => ({ amount: '0.001', currency: 'BHD' }));
    expect(sumByCurrency(amounts)).toEqual({ BHD: '1000.000' });
    expect(amounts.reduce((sum, { amount }) => sum + Number(amount), 0)).not.toBe(1000); // the float sum drifts
  });

  it('sums a million JPY amounts to a whole number', () => {
    const amounts = Array.from({ length: 1_000_000 }, (_, i) => ({ amount: `${i % 1000}.00`, currency: 'JPY' }));
    expect(sumByCurrency(amounts)).toEqual({ JPY: '499500000' });
  });

  it('refuses an amount with more decimals than its currency instead of rounding the total', () => {
    expect(() => sumByCurrency([{ amount: '10.005', currency: 'EUR' }, { amount: '-0.005', currency: 'EUR' }])).toThrow(
      MoneyPrecisionError,
    );
    expect(() => sumByCurrency([{ amount: '0.5', currency: 'JPY' }])).toThrow(MoneyPrecisionError);
  });

  it('refuses an unknown currency', () => {
    expect(() => sumByCurrency([{ amount: '1.00', currency: 'XYZ' }])).toThrow(UnknownCurrencyError);
  });

  it('sums nothing to no totals', () => {
    expect(sumByCurrency([])).toEqual({});
  });
});

describe('mergeByCurrency', () => {
  it('merges store totals into a grand total per currency', () => {
    expect(mergeByCurrency([{ GBP: '10.10' }, { GBP: '0.20', EUR: '1.00' }, {}])).toEqual({ EUR: '1.00', GBP: '10.30' });
  });

  it('writes JPY and BHD grand totals with their own decimals', () => {
    expect(mergeByCurrency([{ JPY: '34451463.00', BHD: '1.5' }, { JPY: '37', BHD: '0.125' }])).toEqual({
      BHD: '1.625',
      JPY: '34451500',
    });
  });
});
