import { currencyDecimals } from './currency';
import { formatDecimal, toScaledUnits, trimDecimal } from './decimal';
import type { Money, MoneyByCurrency } from './money.schema';

/** Thrown when an amount has more significant decimals than its currency has; amounts are never rounded. */
export class MoneyPrecisionError extends RangeError {
  override readonly name = 'MoneyPrecisionError';

  constructor(
    readonly amount: string,
    readonly currency: string,
    readonly decimals: number,
  ) {
    super(
      `${JSON.stringify(amount.slice(0, 50))} has more decimals than ${currency} allows (${decimals}); ` +
        'money is never rounded (pass { rate: true } for a rate or unit price)',
    );
  }
}

export interface ParseMoneyOptions {
  /** A rate or unit price, which may carry more decimals than the currency (an FX rate, a per-gram price). */
  rate?: boolean;
}

/**
 * The amount in the currency's minor units, exactly: `("12.50", "GBP")` -> `1250n`,
 * `("34451463.0000", "JPY")` -> `34451463n`.
 * @throws MoneyPrecisionError when the amount has more significant decimals than the currency
 *   (`"12.345"` in GBP, `"1.5"` in JPY); trailing zeros beyond them are fine.
 * @throws UnknownCurrencyError for an unknown currency; RangeError for a malformed amount.
 */
export function toMinorUnits(amount: string, currency: string): bigint {
  const decimals = currencyDecimals(currency);
  const units = toScaledUnits(amount, decimals);
  if (units === undefined) throw new MoneyPrecisionError(amount, currency, decimals);
  return units;
}

/** Writes a count of minor units with exactly the currency's decimals: `(1250n, "GBP")` -> `"12.50"`. */
export function fromMinorUnits(units: bigint, currency: string): string {
  return formatDecimal({ units, scale: currencyDecimals(currency) });
}

/**
 * Writes an exact decimal string with exactly the currency's ISO 4217 decimals:
 * `("34451463.0000", "JPY")` -> `"34451463"`, `("12.3450", "BHD")` -> `"12.345"`,
 * `("12.5", "GBP")` -> `"12.50"`. `"-0.00"` is written `"0.00"`.
 * @throws MoneyPrecisionError rather than round (`"12.345"` in GBP); trailing zeros are dropped.
 * @throws UnknownCurrencyError for an unknown currency; RangeError for a malformed amount.
 */
export function formatMoney(amount: string, currency: string): string {
  return fromMinorUnits(toMinorUnits(amount, currency), currency);
}

/**
 * Validates an amount against its currency and returns it normalised. Money gets exactly the
 * currency's decimals (as {@link formatMoney}); with `rate: true` the amount keeps any extra
 * significant decimals and is padded to at least the currency's (`("1.23456", "GBP")` ->
 * `"1.23456"`, `("2", "GBP")` -> `"2.00"`).
 * @throws MoneyPrecisionError for money with more significant decimals than the currency.
 * @throws UnknownCurrencyError for an unknown currency; RangeError for a malformed amount.
 */
export function parseMoney(amount: string, currency: string, options: ParseMoneyOptions = {}): Money {
  const normalised = options.rate ? trimDecimal(amount, currencyDecimals(currency)) : formatMoney(amount, currency);
  return { amount: normalised, currency };
}

/**
 * Sums amounts exactly, keeping one total per currency (keys sorted). Amounts in different
 * currencies are never added together. Each total has exactly its currency's decimals
 * (`GBP "0.30"`, `JPY "1200"`, `BHD "0.003"`); an empty input gives `{}`.
 * @throws MoneyPrecisionError for an amount with more decimals than its currency (never rounded).
 * @throws UnknownCurrencyError for an unknown currency; RangeError for a malformed amount.
 */
export function sumByCurrency(amounts: Iterable<Money>): MoneyByCurrency {
  const totals = new Map<string, bigint>();
  for (const { amount, currency } of amounts) {
    totals.set(currency, (totals.get(currency) ?? 0n) + toMinorUnits(amount, currency));
  }
  const result: MoneyByCurrency = {};
  for (const currency of [...totals.keys()].sort()) {
    result[currency] = fromMinorUnits(totals.get(currency) ?? 0n, currency);
  }
  return result;
}

/**
 * Merges per-currency totals exactly (for rolling store totals up to a grand total), with the
 * same rules as {@link sumByCurrency}.
 */
export function mergeByCurrency(totals: Iterable<MoneyByCurrency>): MoneyByCurrency {
  return sumByCurrency(
    Array.from(totals).flatMap((total) => Object.entries(total).map(([currency, amount]) => ({ amount, currency }))),
  );
}
