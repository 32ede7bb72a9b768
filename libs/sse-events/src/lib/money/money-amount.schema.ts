import { currencyDecimals, isKnownCurrency } from './currency';
import { toScaledUnits } from './decimal';
import { DECIMAL_PATTERN, DecimalStringSchema, MoneySchema } from './money.schema';

/** True when a well-formed decimal string needs more than `decimals` decimals (a malformed one is left to the regex). */
function exceedsDecimals(amount: string, decimals: number): boolean {
  return DECIMAL_PATTERN.test(amount) && toScaledUnits(amount, decimals) === undefined;
}

/**
 * A decimal string that is a valid amount of `currency`: at most the currency's decimals
 * (`moneyAmountFor("JPY")` accepts `"1200"` and `"1200.00"`, refuses `"1200.5"`). With
 * `rate: true` any number of decimals is accepted. It validates only; it does not reformat.
 * @throws UnknownCurrencyError at once (when the schema is built) for an unknown currency.
 */
export function moneyAmountFor(currency: string, options: { rate?: boolean } = {}) {
  const decimals = currencyDecimals(currency);
  if (options.rate) return DecimalStringSchema;
  return DecimalStringSchema.refine((amount) => !exceedsDecimals(amount, decimals), {
    error: `must have at most ${decimals} decimals for ${currency}`,
  });
}

/**
 * `MoneySchema` that also checks the pair: the currency is a known ISO 4217 code and the amount
 * has no more decimals than it (`{ amount: "12.345", currency: "GBP" }` fails; nothing is rounded).
 */
export const ExactMoneySchema = MoneySchema.superRefine((money, ctx) => {
  if (!isKnownCurrency(money.currency)) {
    ctx.addIssue({ code: 'custom', path: ['currency'], message: `unknown ISO 4217 currency ${JSON.stringify(money.currency)}` });
    return;
  }
  const decimals = currencyDecimals(money.currency);
  if (exceedsDecimals(money.amount, decimals)) {
    ctx.addIssue({
      code: 'custom',
      path: ['amount'],
      message: `must have at most ${decimals} decimals for ${money.currency}`,
    });
  }
});
