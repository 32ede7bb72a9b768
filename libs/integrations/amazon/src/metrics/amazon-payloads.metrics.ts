import { type EventPayload, formatMoney, mergeByCurrency } from '@ops/sse-events';
import type { FbaInventoryTotals, InboundTotals, MarketplaceOrderCounts } from '@ops/store';

import { type LowStockItem, type LowStockRule, MAX_LOW_STOCK_ITEMS } from './low-stock.metrics';

export type InventorySynced = EventPayload<'amazon:inventory_synced'>;
export type OrdersSynced = EventPayload<'amazon:orders_synced'>;
export type FbaSynced = EventPayload<'amazon:fba_synced'>;
export type SyncCompleted = EventPayload<'amazon:sync_completed'>;

/** One marketplace's three payloads, as committed with its data. */
export interface MarketplaceFigures {
  marketplace: string;
  inventory: InventorySynced;
  orders: OrdersSynced;
  fba: FbaSynced;
}

export function inventoryPayload(marketplace: string, totals: FbaInventoryTotals, low: LowStockItem[], rule: LowStockRule): InventorySynced {
  return {
    marketplace,
    totalSKUs: totals.skus,
    totalQuantity: totals.total,
    fulfillable: totals.fulfillable,
    inbound: totals.inbound,
    reserved: totals.reserved,
    unfulfillable: totals.unfulfillable,
    lowStockRule: rule,
    lowStockCount: low.length,
    lowStockItems: low.slice(0, MAX_LOW_STOCK_ITEMS),
  };
}

/** Counted orders' revenue in the marketplace currency's decimals; stored amounts carry four. */
export function ordersPayload(marketplace: string, currency: string, counts: MarketplaceOrderCounts, window: { days: number; since: Date }): OrdersSynced {
  const totalRevenue = Object.fromEntries(counts.counted.map((row) => [row.currency, formatMoney(row.revenue, row.currency)]));
  return {
    marketplace,
    currency,
    windowDays: window.days,
    since: window.since.toISOString(),
    totalOrders: counts.counted.reduce((sum, row) => sum + row.orders, 0),
    totalRevenue,
    units: counts.counted.reduce((sum, row) => sum + row.units, 0),
    canceledOrders: counts.cancelled,
    pendingOrders: counts.pending,
    pendingUnits: counts.pendingUnits,
  };
}

export function fbaPayload(marketplace: string, totals: InboundTotals): FbaSynced {
  return { marketplace, shipmentCount: totals.shipments, openShipments: totals.openShipments, byStatus: totals.byStatus, inboundCount: totals.inboundUnits };
}

/** The run's totals over the marketplaces that synced; revenue stays per currency; low stock is the union, capped. */
export function completedPayload(synced: readonly MarketplaceFigures[], outcomes: { marketplace: string; status: 'synced' | 'failed' }[], rule: LowStockRule): SyncCompleted {
  const sum = <T>(pick: (f: MarketplaceFigures) => T | undefined, add: (a: number, v: T) => number) => synced.reduce((a, f) => add(a, pick(f) as T), 0);
  const count = (pick: (f: MarketplaceFigures) => number | undefined) => sum(pick, (a, v: number | undefined) => a + (v ?? 0));
  const low = synced.flatMap((f) => f.inventory.lowStockItems);
  return {
    inventory: {
      totalSKUs: count((f) => f.inventory.totalSKUs),
      totalQuantity: count((f) => f.inventory.totalQuantity),
      fulfillable: count((f) => f.inventory.fulfillable),
      inbound: count((f) => f.inventory.inbound),
      reserved: count((f) => f.inventory.reserved),
      unfulfillable: count((f) => f.inventory.unfulfillable),
      lowStockRule: rule,
      lowStockCount: count((f) => f.inventory.lowStockCount),
      lowStockItems: low.slice(0, MAX_LOW_STOCK_ITEMS),
    },
    orders: {
      windowDays: rule.windowDays,
      totalOrders: count((f) => f.orders.totalOrders),
      totalRevenue: mergeByCurrency(synced.map((f) => f.orders.totalRevenue)),
      units: count((f) => f.orders.units),
      canceledOrders: count((f) => f.orders.canceledOrders),
      pendingOrders: count((f) => f.orders.pendingOrders),
      pendingUnits: count((f) => f.orders.pendingUnits),
    },
    fba: {
      shipmentCount: count((f) => f.fba.shipmentCount),
      openShipments: count((f) => f.fba.openShipments),
      inboundCount: count((f) => f.fba.inboundCount),
    },
    marketplaces: outcomes,
  };
}

