import type { EventPayload } from '@ops/sse-events';

import { ratioToDecimal } from './ratio';

export type LowStockItem = EventPayload<'amazon:inventory_synced'>['lowStockItems'][number];

export interface LowStockRule {
  /** Days of cover below which a SKU that sold is low. */
  days: number;
  /** Fulfillable units below which a SKU with no sales in the window is low. */
  units: number;
  /** Days the sales window covers (the daily rate's denominator). */
  windowDays: number;
}

export interface StockedSku {
  sku: string;
  asin?: string | null;
  fulfillable: number;
}

/** The payload's list is capped; the count is not. */
export const MAX_LOW_STOCK_ITEMS = 1000;

/**
 * The SKUs of one marketplace that are low, by SKU. A SKU that sold `u` units in the window has
 * a daily rate of u / windowDays and `fulfillable / rate` days of cover; it is low when that is
 * below `rule.days`, decided exactly as fulfillable x windowDays < days x u. A SKU that did not
 * sell is low when fulfillable < `rule.units`. Reported rate and cover are rounded for display.
 */
export function lowStockItems(marketplace: string, stock: readonly StockedSku[], unitsSold: ReadonlyMap<string, number>, rule: LowStockRule): LowStockItem[] {
  const items: LowStockItem[] = [];
  for (const row of [...stock].sort((a, b) => a.sku.localeCompare(b.sku))) {
    const units = unitsSold.get(row.sku) ?? 0;
    const base = { sku: row.sku, ...(row.asin ? { asin: row.asin } : {}), marketplace, quantity: row.fulfillable };
    if (units > 0) {
      if (row.fulfillable * rule.windowDays >= rule.days * units) continue;
      items.push({
        ...base,
        dailyRate: ratioToDecimal(units, rule.windowDays, 2),
        daysOfCover: ratioToDecimal(row.fulfillable * rule.windowDays, units, 1),
        rule: 'days_of_cover',
      });
    } else if (row.fulfillable < rule.units) {
      items.push({ ...base, dailyRate: null, daysOfCover: null, rule: 'units' });
    }
  }
  return items;
}
