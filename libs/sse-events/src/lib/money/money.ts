import { addDecimals } from './decimal';
import type { Money, MoneyByCurrency } from './money.schema';

/**
 * Sums amounts exactly, keeping one total per currency. Amounts in different currencies are never
 * added together. Totals keep at least two fraction digits (`"0.30"`).
 */
export function sumByCurrency(amounts: Iterable<Money>): MoneyByCurrency {
  const byCurrency = new Map<string, string[]>();
  for (const { amount, currency } of amounts) {
    const list = byCurrency.get(currency);
    if (list) list.push(amount);
    else byCurrency.set(currency, [amount]);
  }
  return mapTotals(byCurrency);
}

/** Merges per-currency totals exactly (for rolling store totals up to a grand total). */
export function mergeByCurrency(totals: Iterable<MoneyByCurrency>): MoneyByCurrency {
  return sumByCurrency(
    Array.from(totals).flatMap((total) => Object.entries(total).map(([currency, amount]) => ({ amount, currency }))),
  );
}

function mapTotals(byCurrency: Map<string, string[]>): MoneyByCurrency {
  const result: MoneyByCurrency = {};
  for (const currency of [...byCurrency.keys()].sort()) {
    result[currency] = addDecimals(byCurrency.get(currency) ?? [], 2);
  }
  return result;
}
