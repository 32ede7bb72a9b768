import { UnknownCurrencyError } from './currency';
import { ExactMoneySchema, moneyAmountFor } from './money-amount.schema';

describe('moneyAmountFor', () => {
  it.each([
    ['JPY', '1200', true],
    ['JPY', '1200.00', true],
    ['JPY', '1200.5', false],
    ['GBP', '12.34', true],
    ['GBP', '12.3400', true],
    ['GBP', '12.345', false],
    ['BHD', '12.345', true],
    ['BHD', '12.3456', false],
    ['GBP', '1e3', false],
  ])('%s %s valid: %s', (currency, amount, valid) => {
    expect(moneyAmountFor(currency).safeParse(amount).success).toBe(valid);
  });

  it('names the currency and its decimals in the message', () => {
    const result = moneyAmountFor('JPY').safeParse('1.5');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('must have at most 0 decimals for JPY');
  });

  it('accepts any decimals for a rate', () => {
    expect(moneyAmountFor('JPY', { rate: true }).safeParse('0.00812').success).toBe(true);
    expect(moneyAmountFor('JPY', { rate: true }).safeParse('abc').success).toBe(false);
  });

  it('throws at once for an unknown currency', () => {
    expect(() => moneyAmountFor('XYZ')).toThrow(UnknownCurrencyError);
  });
});

describe('ExactMoneySchema', () => {
  it.each([
    [{ amount: '12.50', currency: 'GBP' }, true],
    [{ amount: '34451463', currency: 'JPY' }, true],
    [{ amount: '12.345', currency: 'BHD' }, true],
    [{ amount: '12.345', currency: 'GBP' }, false],
    [{ amount: '1.5', currency: 'JPY' }, false],
    [{ amount: '1.00', currency: 'XYZ' }, false],
    [{ amount: '1.00', currency: 'gbp' }, false],
    [{ amount: 'x', currency: 'GBP' }, false],
  ])('%j valid: %s', (money, valid) => {
    expect(ExactMoneySchema.safeParse(money).success).toBe(valid);
  });

  it('points at the field at fault', () => {
    expect(ExactMoneySchema.safeParse({ amount: '1.5', currency: 'JPY' }).error?.issues[0]?.path).toEqual(['amount']);
    expect(ExactMoneySchema.safeParse({ amount: '1', currency: 'XYZ' }).error?.issues[0]?.path).toEqual(['currency']);
  });
});
