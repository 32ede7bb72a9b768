import { addDecimals, formatDecimal, parseDecimal, subtractDecimals, toScaledUnits, trimDecimal } from './decimal';

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

describe('toScaledUnits', () => {
  it.each([
    ['12.3450', 3, 12345n],
    ['12.5', 2, 1250n],
    ['34451463.0000', 0, 34451463n],
    ['-0.001', 3, -1n],
    ['7', 4, 70000n],
    ['12.345', 2, undefined],
    ['1.5', 0, undefined],
    ['-0.0001', 3, undefined],
  ])('%s at scale %i -> %p', (value, scale, expected) => {
    expect(toScaledUnits(value, scale)).toBe(expected);
  });

  it('rejects a malformed decimal', () => {
    expect(() => toScaledUnits('1e3', 2)).toThrow(RangeError);
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

  it('takes another minimum scale', () => {
    expect(trimDecimal('34451463.0000', 0)).toBe('34451463');
    expect(trimDecimal('12.3000', 3)).toBe('12.300');
  });
});
