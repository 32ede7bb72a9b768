import { currencyDecimals, isKnownCurrency, UnknownCurrencyError } from './currency';

describe('currencyDecimals', () => {
  it.each([
    ['JPY', 0],
    ['KRW', 0],
    ['ISK', 0],
    ['CLP', 0],
    ['VND', 0],
    ['UGX', 0],
    ['XOF', 0],
    ['GBP', 2],
    ['EUR', 2],
    ['USD', 2],
    ['CHF', 2],
    ['HUF', 2], // ICU/CLDR says 0 on Node 20; ISO 4217 says 2
    ['IDR', 2], // ICU/CLDR says 0
    ['TWD', 2],
    ['COP', 2], // ICU/CLDR says 0
    ['PKR', 2], // ICU/CLDR says 0
    ['BHD', 3],
    ['KWD', 3],
    ['OMR', 3],
    ['JOD', 3],
    ['TND', 3],
    ['LYD', 3],
    ['IQD', 3], // ICU/CLDR says 0
    ['CLF', 4],
    ['UYW', 4],
  ])('%s has %i decimals', (code, decimals) => {
    expect(currencyDecimals(code)).toBe(decimals);
    expect(isKnownCurrency(code)).toBe(true);
  });

  it.each(['XYZ', 'ABC', 'XAU', 'XDR', 'XTS', 'XXX'])('refuses the unknown or non-monetary code %s', (code) => {
    expect(() => currencyDecimals(code)).toThrow(UnknownCurrencyError);
    expect(() => currencyDecimals(code)).toThrow(`unknown currency "${code}"`);
    expect(isKnownCurrency(code)).toBe(false);
  });

  it.each(['gbp', 'GB', 'GBPX', '', ' GBP', '£'])('refuses the malformed code %j', (code) => {
    expect(() => currencyDecimals(code)).toThrow(UnknownCurrencyError);
    expect(() => currencyDecimals(code)).toThrow('invalid currency code');
  });

  it('is a RangeError, so existing handlers of bad input still catch it', () => {
    expect(() => currencyDecimals('XYZ')).toThrow(RangeError);
  });
});
