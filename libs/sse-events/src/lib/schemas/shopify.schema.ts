import { z } from 'zod';

import { CurrencyCodeSchema, DecimalStringSchema, MoneyByCurrencySchema } from '../money/money.schema';
import { CountSchema, IdentifierSchema, SyncErrorSchema } from './common.schema';

const StoreRefSchema = z.strictObject({
  storeId: IdentifierSchema,
  label: z.string().max(100).optional(),
});

export const ShopifySyncStartedSchema = z.strictObject({
  stores: z.array(StoreRefSchema).min(1).max(100),
});

/** Amounts are in the store's own currency. `fees` is `null` when the store exposes no fee data. */
export const ShopifyStoreSyncedSchema = z.strictObject({
  storeId: IdentifierSchema,
  label: z.string().max(100).optional(),
  orders: CountSchema,
  products: CountSchema,
  revenue: DecimalStringSchema,
  refunds: DecimalStringSchema,
  netRevenue: DecimalStringSchema,
  fees: DecimalStringSchema.nullable(),
  currency: CurrencyCodeSchema,
});

const StoreOutcomeSchema = z.strictObject({
  storeId: IdentifierSchema,
  status: z.enum(['synced', 'failed']),
  orders: CountSchema.optional(),
});

export const ShopifySyncCompletedSchema = z.strictObject({
  totalOrders: CountSchema,
  totalRevenue: MoneyByCurrencySchema,
  stores: z.array(StoreOutcomeSchema).max(100),
});

export const ShopifySyncErrorSchema = z.strictObject({
  storeId: IdentifierSchema.optional(),
  error: SyncErrorSchema,
  retryable: z.boolean(),
});
