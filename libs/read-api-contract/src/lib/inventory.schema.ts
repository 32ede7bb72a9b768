import { CountSchema, CurrencyCodeSchema, eventSchemas } from '@ops/sse-events';
import type { z } from 'zod';

import { accountEntrySchema, OptionalReasonSchema, sectionsResponseSchema } from './sections.schema';

const amazonInventory = eventSchemas['amazon:inventory_synced'].shape;
const amazonFba = eventSchemas['amazon:fba_synced'].shape;
const { asOf, inventory: unleashedStock, alertCount, alerts } = eventSchemas['unleashed:sync_completed'].shape;

/**
 * An Amazon marketplace's FBA stock and inbound shipments as its last sync computed them (the
 * `amazon:inventory_synced` and `amazon:fba_synced` policies). `lowStockItems` is cut at 1000;
 * `lowStockCount` is exact. `inboundUnits` is units shipped but not yet received on open shipments.
 */
export const AmazonMarketplaceInventorySchema = accountEntrySchema({
  totalSKUs: CountSchema,
  totalQuantity: CountSchema,
  fulfillable: CountSchema,
  inbound: CountSchema,
  reserved: CountSchema,
  unfulfillable: CountSchema,
  lowStockRule: amazonInventory.lowStockRule.unwrap(),
  lowStockCount: CountSchema,
  lowStockItems: amazonInventory.lowStockItems,
  shipments: CountSchema,
  openShipments: CountSchema,
  shipmentsByStatus: amazonFba.byStatus.unwrap(),
  inboundUnits: CountSchema,
});

/**
 * An Unleashed organisation's stock on hand as its last sync read it back (quantities are decimal
 * strings: Unleashed allows fractional units). `totalValue` is at average cost in the
 * organisation's base currency, which Unleashed does not report to this integration, so
 * `totalValueCurrency` is null with its reason. `alerts` is cut at 1000, largest shortfall first;
 * `alertCount` is exact.
 */
export const UnleashedInventorySchema = accountEntrySchema({
  asOf,
  ...unleashedStock.shape,
  totalValueCurrency: CurrencyCodeSchema.nullable(),
  totalValueCurrencyReason: OptionalReasonSchema,
  alertCount,
  alerts,
});

/** `GET /api/inventory`. */
export const InventoryResponseSchema = sectionsResponseSchema({ amazon: AmazonMarketplaceInventorySchema, unleashed: UnleashedInventorySchema });

export type AmazonMarketplaceInventory = z.infer<typeof AmazonMarketplaceInventorySchema>;
export type UnleashedInventory = z.infer<typeof UnleashedInventorySchema>;
export type InventoryResponse = z.infer<typeof InventoryResponseSchema>;
