import type { AmazonSandbox, LowStockRule } from '@ops/api-sandbox';
import type { Envelope } from '@ops/sse-events';

import { payloadsOf } from './amazon-harness';

const DAY_MS = 86_400_000;

/**
 * Asserts that the latest per-marketplace events equal the sandbox's own figures, computed from
 * its data by `expectedTotals` (never through the worker's code). The window's end is read from
 * the event (`since` + windowDays): the worker's clock is an input, not a figure.
 */
export function expectMarketplaceFigures(sandbox: AmazonSandbox, events: Envelope[], marketplace: string, rule: LowStockRule) {
  const orders = payloadsOf(events, 'amazon:orders_synced').filter((p) => p.marketplace === marketplace).at(-1);
  const inventory = payloadsOf(events, 'amazon:inventory_synced').filter((p) => p.marketplace === marketplace).at(-1);
  const fba = payloadsOf(events, 'amazon:fba_synced').filter((p) => p.marketplace === marketplace).at(-1);
  const asOf = Date.parse(orders?.since ?? '') + rule.windowDays * DAY_MS;
  const expected = sandbox.expectedTotals(marketplace, asOf, rule);
  expect(orders).toMatchObject({
    currency: expected.currency,
    totalOrders: expected.orders.counted,
    totalRevenue: { [expected.currency]: expected.orders.revenue },
    units: expected.orders.units,
    canceledOrders: expected.orders.cancelled,
    pendingOrders: expected.orders.pending,
    pendingUnits: expected.orders.pendingUnits,
  });
  expect(Object.keys(orders?.totalRevenue ?? {})).toEqual([expected.currency]);
  expect(inventory).toMatchObject({
    totalSKUs: expected.inventory.skus,
    totalQuantity: expected.inventory.totalQuantity,
    fulfillable: expected.inventory.fulfillable,
    inbound: expected.inventory.inbound,
    reserved: expected.inventory.reserved,
    unfulfillable: expected.inventory.unfulfillable,
    lowStockCount: expected.lowStock.length,
  });
  expect(inventory?.lowStockItems.map((i) => [i.sku, i.quantity, i.rule])).toEqual(
    expected.lowStock.map((l) => [l.sku, l.quantity, l.unitsSold > 0 ? 'days_of_cover' : 'units']),
  );
  for (const item of inventory?.lowStockItems ?? []) {
    const sold = expected.lowStock.find((l) => l.sku === item.sku)?.unitsSold ?? 0;
    if (sold === 0) continue;
    expect(Math.abs(Number(item.dailyRate) - sold / rule.windowDays)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(Number(item.daysOfCover) - (item.quantity * rule.windowDays) / sold)).toBeLessThanOrEqual(0.05);
    expect(Number(item.daysOfCover)).toBeLessThan(rule.days);
  }
  expect(fba).toEqual({
    marketplace,
    shipmentCount: expected.fba.shipments,
    openShipments: expected.fba.open,
    byStatus: expected.fba.byStatus,
    inboundCount: expected.fba.inboundUnits,
  });
  return expected;
}
