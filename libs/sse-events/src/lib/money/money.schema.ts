import { z } from 'zod';

export const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

/** A decimal amount written as a string (`"-12.50"`), never a binary float. */
export const DecimalStringSchema = z.string().max(40).regex(DECIMAL_PATTERN, 'must be a decimal string such as "12.50"');

/** ISO 4217 alphabetic code, upper case. */
export const CurrencyCodeSchema = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "GBP"');

export const MoneySchema = z.strictObject({
  amount: DecimalStringSchema,
  currency: CurrencyCodeSchema,
});

/** Totals kept apart per currency: `{ "GBP": "120.00", "EUR": "80.10" }`. */
export const MoneyByCurrencySchema = z.record(CurrencyCodeSchema, DecimalStringSchema);

export type DecimalString = z.infer<typeof DecimalStringSchema>;
export type CurrencyCode = z.infer<typeof CurrencyCodeSchema>;
export type Money = z.infer<typeof MoneySchema>;
export type MoneyByCurrency = z.infer<typeof MoneyByCurrencySchema>;
