import type { FbaInventoryRow } from '@ops/store';
import type { InventoryLevel } from '@ops/sync-core';

import type { InventorySummary } from '../client/amazon.api-types';

/** The `inventory_snapshots` location of a marketplace's FBA stock: `FBA-A1F83G8C2ARO7P`. */
export const fbaLocation = (marketplaceId: string) => `FBA-${marketplaceId}`;

/** One summary as an `amazon_fba_inventory` row: inbound is working + shipped + receiving; total is Amazon's `totalQuantity`. */
export function toFbaInventoryRow(marketplaceId: string, summary: InventorySummary): FbaInventoryRow {
  const d = summary.inventoryDetails;
  return {
    marketplaceId,
    sku: summary.sellerSku,
    asin: summary.asin ?? null,
    fnSku: summary.fnSku ?? null,
    fulfillable: d.fulfillableQuantity,
    inboundWorking: d.inboundWorkingQuantity,
    inboundShipped: d.inboundShippedQuantity,
    inboundReceiving: d.inboundReceivingQuantity,
    reserved: d.reservedQuantity?.totalReservedQuantity ?? 0,
    unfulfillable: d.unfulfillableQuantity?.totalUnfulfillableQuantity ?? 0,
    total: summary.totalQuantity,
    lastUpdatedAt: summary.lastUpdatedTime ? new Date(summary.lastUpdatedTime) : null,
  };
}

/** The level change detection compares: fulfillable units (what can be sold now) per SKU at the marketplace's FBA location. */
export function toInventoryLevel(row: Pick<FbaInventoryRow, 'marketplaceId' | 'sku' | 'fulfillable'>): InventoryLevel {
  return { sku: row.sku, location: fbaLocation(row.marketplaceId), quantity: row.fulfillable };
}
