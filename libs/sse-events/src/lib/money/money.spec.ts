import { addDecimals, formatDecimal, parseDecimal, subtractDecimals, trimDecimal } from './decimal';
import { mergeByCurrency, sumByCurrency } from './money';

describe('addDecimals', () => {
  it.each([
    [['0.1', '0.2'], '0.3'],
    [['0.10', '0.2'], '0.30'],
    [['-5.25', '5.25'], '0.00'],
    [['19.99', '-20'], '-0.01'],
    [['123456789012345678901234567890.99', '0.01'], '123456789012345678901234567891.00'],
    [[], '0'],
  ])('sums %j exactly to %s', (values, expected) => {
    expect(addDecimals(values)).toBe(expected);
  });

  it('sums a million line items exactly', () => {
    const items = Array.from({ length: 1_000_000 }, () => '0.10');
    expect(addDecimals(items)).toBe('100000.00');
    expect(items.reduce((sum, v) => sum + Number(v), 0)).not.toBe(100000); // the float sum drifts
  });

  it('rejects what is not a plain decimal string', () => {
    for (const bad of ['1e3', '1,000.00', '', 'NaN', ' 1', '.5']) {
      expect(() => parseDecimal(bad)).toThrow(RangeError);
    }
  });

  it('subtracts exactly', () => {
    expect(subtractDecimals('100.00', '0.01')).toBe('99.99');
    expect(subtractDecimals('0.1', '0.3')).toBe('-0.2');
  });

  it('formats small negatives with a leading zero', () => {
    expect(formatDecimal({ units: -5n, scale: 3 })).toBe('-0.005');
  });
});

describe('sumByCurrency', () => {
  it('keeps one exact total per currency and never mixes them', () => {
    const totals = sumByCurrency([
      { amount: '0.1', currency: 'GBP' },
      { amount: '0.2', currency: 'GBP' },
      { amount: '10.005', currency: 'EUR' },
      { amount: '99.99', currency: 'USD' },
      { amount: '-0.005', currency: 'EUR' },
    ]);
    expect(totals).toEqual({ EUR: '10.000', GBP: '0.30', USD: '99.99' });
  });

  it('merges store totals into a grand total per currency', () => {
    expect(mergeByCurrency([{ GBP: '10.10' }, { GBP: '0.20', EUR: '1.00' }, {}])).toEqual({ EUR: '1.00', GBP: '10.30' });
  });
});

describe('trimDecimal', () => {
  it.each([
    ['18234.5000', '18234.50'],
    ['1.2345', '1.2345'],
    ['7', '7.00'],
    ['-0.1000', '-0.10'],
    ['0.0000', '0.00'],
  ])('%s -> %s', (input, expected) => {
    expect(trimDecimal(input)).toBe(expected);
  });
});
