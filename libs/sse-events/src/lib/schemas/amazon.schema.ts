import { z } from 'zod';

import { MoneyByCurrencySchema } from '../money/money.schema';
import { CountSchema, IdentifierSchema, SyncErrorSchema } from './common.schema';

export const AmazonSyncStartedSchema = z.strictObject({
  marketplaces: z.array(IdentifierSchema).min(1).max(50),
});

const LowStockItemSchema = z.strictObject({
  sku: IdentifierSchema,
  asin: IdentifierSchema.optional(),
  quantity: CountSchema,
  threshold: CountSchema,
});

export const AmazonInventorySyncedSchema = z.strictObject({
  totalSKUs: CountSchema,
  totalQuantity: CountSchema,
  lowStockItems: z.array(LowStockItemSchema).max(1000),
});

export const AmazonOrdersSyncedSchema = z.strictObject({
  totalOrders: CountSchema,
  totalRevenue: MoneyByCurrencySchema,
});

/** `inboundCount` is units in open inbound shipments; `shipmentCount` the shipments themselves. */
export const AmazonFbaSyncedSchema = z.strictObject({
  shipmentCount: CountSchema,
  inboundCount: CountSchema,
});

export const AmazonSyncCompletedSchema = z.strictObject({
  inventory: AmazonInventorySyncedSchema,
  orders: AmazonOrdersSyncedSchema,
  fba: AmazonFbaSyncedSchema,
});

export const AmazonSyncErrorSchema = z.strictObject({
  marketplace: IdentifierSchema.optional(),
  error: SyncErrorSchema,
  retryable: z.boolean(),
});
