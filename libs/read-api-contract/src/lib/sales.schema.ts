import { CountSchema, CurrencyCodeSchema, DecimalStringSchema, eventSchemas, IsoDateTimeSchema, MoneyByCurrencySchema } from '@ops/sse-events';
import { z } from 'zod';

import { accountEntrySchema, OptionalReasonSchema, sectionsResponseSchema } from './sections.schema';

export const SALES_PERIODS = ['today', 'last7Days', 'last30Days'] as const;
export type SalesPeriodName = (typeof SALES_PERIODS)[number];

const { currency, ordersWithoutFees, periods, ...storeSales } = eventSchemas['shopify:store_synced'].omit({ storeId: true, label: true }).shape;

/** One period's counted orders, their revenue and revenue less refunds, in the store currency. */
export const PeriodSalesSchema = periods.shape.today;

/**
 * A Shopify store's figures as its last sync computed them (the `shopify:store_synced` policy):
 * test and cancelled orders set aside and counted apart; amounts in the shop currency. `fees` is
 * null (with `feesReason`) unless every counted order carried fee data. Periods are in the shop's
 * time zone, relative to `periods.asOf` (the sync time).
 */
export const ShopifyStoreSalesSchema = accountEntrySchema({
  currency,
  ...storeSales,
  feesReason: OptionalReasonSchema,
  ordersWithoutFees,
  periods,
});

/**
 * An Amazon marketplace's orders placed in the last `windowDays` before its last sync (the
 * `amazon:orders_synced` policy): cancelled and pending orders excluded and counted apart.
 * `revenue` is in the marketplace currency; null (with `revenueReason`) when the counted orders
 * were in other currencies too (`revenueByCurrency` then has them all).
 */
export const AmazonMarketplaceSalesSchema = accountEntrySchema({
  currency: CurrencyCodeSchema,
  windowDays: z.number().int().positive(),
  since: IsoDateTimeSchema,
  orders: CountSchema,
  revenue: DecimalStringSchema.nullable(),
  revenueReason: OptionalReasonSchema,
  revenueByCurrency: MoneyByCurrencySchema,
  units: CountSchema,
  canceledOrders: CountSchema,
  pendingOrders: CountSchema,
  pendingUnits: CountSchema,
});

/** `GET /api/sales`. */
export const SalesResponseSchema = sectionsResponseSchema({ shopify: ShopifyStoreSalesSchema, amazon: AmazonMarketplaceSalesSchema });

export type PeriodSales = z.infer<typeof PeriodSalesSchema>;
export type ShopifyStoreSales = z.infer<typeof ShopifyStoreSalesSchema>;
export type AmazonMarketplaceSales = z.infer<typeof AmazonMarketplaceSalesSchema>;
export type SalesResponse = z.infer<typeof SalesResponseSchema>;
