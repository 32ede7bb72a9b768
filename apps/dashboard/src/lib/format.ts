/** Formatting of API figures for display. The raw value stays in `data-value`; these only make the visible text. */

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, locale: string | undefined): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    moneyFormats.set(key, format);
  }
  return format;
}

/**
 * A decimal string as money in its currency (`"1234.5"`, `"GBP"` -> `£1,234.50`). The string goes to
 * Intl as a string, so large amounts are not rounded through a binary float first.
 */
export function formatMoney(amount: string, currency: string, locale?: string): string {
  return moneyFormat(currency, locale).format(amount as `${number}`);
}

/** A whole count (`12500` -> `12,500`). */
export function formatCount(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** A ratio such as a current ratio, given as a number or a decimal string, to two places (`1.5` -> `1.50`). */
export function formatRatio(value: number | string, locale?: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value as `${number}`);
}

/** A share 0..1 as a whole percentage (`0.425` -> `43%`). */
export function formatShare(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/** An ISO-8601 instant in the reader's time zone, date and time to the minute. */
export function formatInstant(iso: string, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** A time of day with seconds, for the event log. */
export function formatTime(iso: string, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'medium', timeZone }).format(new Date(iso));
}

/** A quantity given as a decimal string, grouped, with its fraction digits kept (`"1234.5"` -> `1,234.5`). */
export function formatQuantity(value: string, locale?: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }).format(value as `${number}`);
}

/** Money rounded to whole units, for chart axes (`14582.09`, `GBP` -> `£14,582`). */
export function formatMoneyWhole(amount: number, currency: string, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(amount);
}
