import { type Executor, amazonOrderCounts, fbaInventoryTotals, inboundTotals, listDailySkuQuantities, listFbaInventory } from '@ops/store';

import type { AmazonConfig, AmazonMarketplaceConfig } from './config/amazon.config';
import { CLOSED_SHIPMENT_STATUSES } from './mapping/shipment.mapper';
import { INTEGRATION, PENDING_STATUSES } from './mapping/order.mapper';
import { fbaPayload, inventoryPayload, type MarketplaceFigures, ordersPayload } from './metrics/amazon-payloads.metrics';
import { lowStockItems, type LowStockRule } from './metrics/low-stock.metrics';

const DAY_MS = 86_400_000;

export const lowStockRuleOf = (config: Pick<AmazonConfig, 'lowStockDays' | 'lowStockUnits' | 'windowDays'>): LowStockRule => ({
  days: config.lowStockDays,
  units: config.lowStockUnits,
  windowDays: config.windowDays,
});

/** One marketplace's figures, read back from the database in `tx` (after its writes): the window is the `windowDays` up to `asOf`. */
export async function readMarketplaceFigures(tx: Executor, marketplace: AmazonMarketplaceConfig, config: AmazonConfig, asOf: Date): Promise<MarketplaceFigures> {
  const rule = lowStockRuleOf(config);
  const since = new Date(asOf.getTime() - config.windowDays * DAY_MS);
  const daily = await listDailySkuQuantities(tx, INTEGRATION, { accountId: marketplace.id, since, until: new Date(asOf.getTime() + 1) });
  const unitsSold = new Map<string, number>();
  for (const row of daily) unitsSold.set(row.sku, (unitsSold.get(row.sku) ?? 0) + Number(row.quantity));
  const stock = await listFbaInventory(tx, marketplace.id);
  const low = lowStockItems(marketplace.id, stock, unitsSold, rule);
  const counts = await amazonOrderCounts(tx, marketplace.id, { since, until: asOf }, PENDING_STATUSES);
  return {
    marketplace: marketplace.id,
    inventory: inventoryPayload(marketplace.id, await fbaInventoryTotals(tx, marketplace.id), low, rule),
    orders: ordersPayload(marketplace.id, marketplace.currency, counts, { days: config.windowDays, since }),
    fba: fbaPayload(marketplace.id, await inboundTotals(tx, marketplace.id, CLOSED_SHIPMENT_STATUSES)),
  };
}
