import { z } from 'zod';

import { CurrencyCodeSchema, DecimalStringSchema, MoneyByCurrencySchema } from '../money/money.schema';
import { CountSchema, IdentifierSchema, IsoDateTimeSchema, SyncErrorSchema } from './common.schema';

export const AmazonSyncStartedSchema = z.strictObject({
  marketplaces: z.array(IdentifierSchema).min(1).max(50),
});

/**
 * A SKU at or near stock-out. `rule` says which test it failed: `days_of_cover` (it sold in the
 * window and `daysOfCover` is below `lowStockRule.days`) or `units` (no sales in the window and
 * `quantity` is below `lowStockRule.units`; `dailyRate` and `daysOfCover` are then null, since
 * there is no rate to divide by).
 */
const LowStockItemSchema = z.strictObject({
  sku: IdentifierSchema,
  asin: IdentifierSchema.optional(),
  marketplace: IdentifierSchema,
  /** Fulfillable units. */
  quantity: CountSchema,
  /** Units sold per day over the window (units / windowDays), rounded to 2 decimals. */
  dailyRate: DecimalStringSchema.nullable(),
  /** quantity / dailyRate in days, rounded to 1 decimal (the test itself uses exact integers). */
  daysOfCover: DecimalStringSchema.nullable(),
  rule: z.enum(['days_of_cover', 'units']),
});

const LowStockRuleSchema = z.strictObject({
  days: z.number().int().positive(),
  units: z.number().int().nonnegative(),
  windowDays: z.number().int().positive(),
});

/**
 * FBA stock of one marketplace (with `marketplace`) or of all of them. `totalQuantity` is the sum
 * of Amazon's `totalQuantity`; the breakdown columns are units (inbound = working + shipped +
 * receiving). Low stock: days of cover from units ordered in non-cancelled orders (pending
 * included) over the last `windowDays`, below `days`; a SKU with no such units is low when its
 * fulfillable quantity is below `units`. The list is cut at 1000 items (`lowStockCount` is exact).
 */
export const AmazonInventorySyncedSchema = z
  .strictObject({
    marketplace: IdentifierSchema.optional(),
    totalSKUs: CountSchema,
    totalQuantity: CountSchema,
    fulfillable: CountSchema.optional(),
    inbound: CountSchema.optional(),
    reserved: CountSchema.optional(),
    unfulfillable: CountSchema.optional(),
    lowStockRule: LowStockRuleSchema.optional(),
    lowStockCount: CountSchema.optional(),
    lowStockItems: z.array(LowStockItemSchema).max(1000),
  })
  .describe(
    'Low-stock rule: days of cover = fulfillable / (units ordered in non-cancelled orders over the last windowDays / windowDays); ' +
      'a SKU that sold is low when that is below lowStockRule.days; one that did not sell is low when fulfillable is below lowStockRule.units.',
  );

/**
 * Orders placed in the last `windowDays` (by purchase date). Cancelled orders are excluded from
 * totalOrders, revenue and units and counted in `canceledOrders`; pending orders (no price yet)
 * are excluded and counted in `pendingOrders` (`pendingUnits` their units). Revenue is Amazon's
 * order proceeds total, per currency, exact decimals.
 */
export const AmazonOrdersSyncedSchema = z.strictObject({
  marketplace: IdentifierSchema.optional(),
  currency: CurrencyCodeSchema.optional(),
  windowDays: z.number().int().positive().optional(),
  since: IsoDateTimeSchema.optional(),
  totalOrders: CountSchema,
  totalRevenue: MoneyByCurrencySchema,
  units: CountSchema.optional(),
  canceledOrders: CountSchema.optional(),
  pendingOrders: CountSchema.optional(),
  pendingUnits: CountSchema.optional(),
});

/**
 * Inbound shipments: `shipmentCount` all synced shipments, `byStatus` their statuses,
 * `openShipments` those not CLOSED/CANCELLED/DELETED/ERROR, and `inboundCount` the units shipped
 * but not yet received (QuantityShipped - QuantityReceived) over the open ones.
 */
export const AmazonFbaSyncedSchema = z.strictObject({
  marketplace: IdentifierSchema.optional(),
  shipmentCount: CountSchema,
  openShipments: CountSchema.optional(),
  byStatus: z.record(z.string().regex(/^[A-Z_]{1,40}$/), CountSchema).optional(),
  inboundCount: CountSchema,
});

const MarketplaceOutcomeSchema = z.strictObject({
  marketplace: IdentifierSchema,
  status: z.enum(['synced', 'failed']),
});

/** Every synced marketplace added up (revenue kept per currency); failed marketplaces are listed, not counted. */
export const AmazonSyncCompletedSchema = z.strictObject({
  inventory: AmazonInventorySyncedSchema,
  orders: AmazonOrdersSyncedSchema,
  fba: AmazonFbaSyncedSchema,
  marketplaces: z.array(MarketplaceOutcomeSchema).max(50).optional(),
});

export const AmazonSyncErrorSchema = z.strictObject({
  marketplace: IdentifierSchema.optional(),
  error: SyncErrorSchema,
  retryable: z.boolean(),
});
