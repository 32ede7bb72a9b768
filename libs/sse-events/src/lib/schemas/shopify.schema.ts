import { z } from 'zod';

import { CurrencyCodeSchema, DecimalStringSchema, MoneyByCurrencySchema } from '../money/money.schema';
import { CountSchema, IdentifierSchema, IsoDateTimeSchema, SyncErrorSchema } from './common.schema';

const StoreRefSchema = z.strictObject({
  storeId: IdentifierSchema,
  label: z.string().max(100).optional(),
});

export const ShopifySyncStartedSchema = z.strictObject({
  stores: z.array(StoreRefSchema).min(1).max(100),
});

/** One period's sales in one currency: orders placed in it, their revenue, and revenue less their refunds. */
const PeriodSalesSchema = z.strictObject({
  orders: CountSchema,
  revenue: DecimalStringSchema,
  netRevenue: DecimalStringSchema,
});

/**
 * Sales by period in the shop's time zone, relative to the sync time (`asOf`): `today` from local
 * midnight, `last7Days` and `last30Days` from local midnight 6 and 29 days before, all up to `asOf`.
 * An order belongs to the period it was placed in (`createdAt`).
 */
const StorePeriodsSchema = z.strictObject({
  asOf: IsoDateTimeSchema,
  timeZone: z.string().min(1).max(64),
  today: PeriodSalesSchema,
  last7Days: PeriodSalesSchema,
  last30Days: PeriodSalesSchema,
});

/**
 * One store's figures, in its own shop currency (never presentment currencies), written with the
 * currency's ISO 4217 decimals. Test and cancelled orders are left out of orders, revenue,
 * refunds, net and fees, and counted apart. Refunds are the orders' refunded totals; net is
 * revenue less refunds. `fees` is the sum only when every counted order carried fee data;
 * otherwise `null`, with `ordersWithoutFees` saying how many did not.
 */
export const ShopifyStoreSyncedSchema = z.strictObject({
  storeId: IdentifierSchema,
  label: z.string().max(100).optional(),
  orders: CountSchema,
  cancelledOrders: CountSchema,
  testOrders: CountSchema,
  products: CountSchema,
  revenue: DecimalStringSchema,
  refunds: DecimalStringSchema,
  netRevenue: DecimalStringSchema,
  fees: DecimalStringSchema.nullable(),
  ordersWithoutFees: CountSchema,
  currency: CurrencyCodeSchema,
  periods: StorePeriodsSchema,
}).describe(
  'Revenue policy: test and cancelled orders are excluded from orders, revenue, refunds, netRevenue and fees, and counted ' +
    'apart (cancelledOrders, testOrders). revenue is the orders\' total in the shop currency (shopMoney, never presentment ' +
    'money); refunds are the orders\' totalRefundedSet; netRevenue = revenue - refunds. Amounts carry the currency\'s ISO 4217 ' +
    'decimals. fees is the sum of fees on successful sale/capture transactions only when every counted order carried fee ' +
    'data; otherwise null, and ordersWithoutFees says how many did not. periods are in the shop\'s time zone, relative to asOf.',
);

const StoreOutcomeSchema = z.strictObject({
  storeId: IdentifierSchema,
  status: z.enum(['synced', 'failed']),
  orders: CountSchema.optional(),
});

/** One period across the synced stores: revenue kept per currency. */
const CombinedPeriodSchema = z.strictObject({
  orders: CountSchema,
  revenue: MoneyByCurrencySchema,
  netRevenue: MoneyByCurrencySchema,
});

export const ShopifySyncCompletedSchema = z.strictObject({
  totalOrders: CountSchema,
  totalRevenue: MoneyByCurrencySchema,
  stores: z.array(StoreOutcomeSchema).max(100),
  /** Each store's periods (in its own time zone) added up over the stores that synced. */
  periods: z.strictObject({
    today: CombinedPeriodSchema,
    last7Days: CombinedPeriodSchema,
    last30Days: CombinedPeriodSchema,
  }),
});

export const ShopifySyncErrorSchema = z.strictObject({
  storeId: IdentifierSchema.optional(),
  error: SyncErrorSchema,
  retryable: z.boolean(),
});
