import type { SandboxCurrency } from '../sandbox.types';

/**
 * ISO 4217 minor-unit exponent per sandbox currency: the sandbox's own table, deliberately not
 * imported from the contract's money helpers, so `expectedTotals` stays an independent check.
 */
const EXPONENTS: Record<SandboxCurrency, number> = {
  GBP: 2, EUR: 2, USD: 2, CAD: 2, AUD: 2, NZD: 2, CHF: 2, SEK: 2, DKK: 2, NOK: 2, PLN: 2, JPY: 0, BHD: 3,
};

/** Minor-unit exponent per currency (JPY 0, BHD 3, the rest 2). */
export function currencyExponent(currency: SandboxCurrency): number {
  return EXPONENTS[currency];
}

/** Formats integer minor units with exactly the currency's decimals (`12345` GBP -> `"123.45"`, JPY -> `"12345"`, BHD -> `"12.345"`). */
export function formatMinor(minor: number | bigint, currency: SandboxCurrency): string {
  const exponent = currencyExponent(currency);
  const value = BigInt(minor);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** A basis-point rate as a decimal string (`290` -> `"0.029"`). */
export function formatRate(basisPoints: number): string {
  return String(basisPoints / 10000);
}

/** Units of each currency per US dollar (fixed, for presentment-currency conversions only). */
const PER_USD: Record<SandboxCurrency, number> = {
  USD: 1, EUR: 0.92, GBP: 0.79, CAD: 1.37, AUD: 1.52, NZD: 1.66, CHF: 0.88, SEK: 10.6, DKK: 6.86, NOK: 10.9, PLN: 3.98, JPY: 150, BHD: 0.376,
};

/** Converts shop-currency minor units to another currency's minor units at the fixed sandbox rate (rounded half up). */
export function convertMinor(minor: number, from: SandboxCurrency, to: SandboxCurrency): number {
  const major = minor / 10 ** currencyExponent(from);
  return Math.round((major * PER_USD[to]) / PER_USD[from] * 10 ** currencyExponent(to));
}
