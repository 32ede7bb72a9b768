import type { SandboxCurrency } from '../sandbox.types';

/** Minor-unit exponent per currency. */
export function currencyExponent(currency: SandboxCurrency): number {
  return currency === 'JPY' ? 0 : 2;
}

/** Formats integer minor units as an exact decimal string (`12345` GBP -> `"123.45"`). */
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

/** Fixed UTC offset used for REST timestamps when a shop does not set one. */
export function defaultUtcOffsetMinutes(currency: SandboxCurrency): number {
  const offsets: Partial<Record<SandboxCurrency, number>> = { EUR: 60, CHF: 60, SEK: 60, DKK: 60, NOK: 60, PLN: 60, USD: -300, CAD: -300, AUD: 600, NZD: 780, JPY: 540 };
  return offsets[currency] ?? 0;
}
