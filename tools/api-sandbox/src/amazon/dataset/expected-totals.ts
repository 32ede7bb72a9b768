import type { MarketplaceData, SandboxShipmentStatus } from './dataset.types';
import { currencyDigits, formatMinor, reservedOf, totalOf, unfulfillableOf } from './inventory-math';

const DAY_MS = 86_400_000;
const CLOSED: readonly SandboxShipmentStatus[] = ['CLOSED', 'CANCELLED'];

export interface LowStockRule {
  /** Days of cover below which a selling SKU is low. */
  days: number;
  /** Fulfillable units below which a SKU without sales is low. */
  units: number;
  /** The sales window the daily rate is measured over. */
  windowDays: number;
}

export interface ExpectedLowStock {
  sku: string;
  quantity: number;
  /** Units sold over the window, the rate's numerator. */
  unitsSold: number;
}

/** What the sandbox holds for one marketplace, computed straight from its data (not through any client code). */
export interface ExpectedMarketplaceTotals {
  marketplace: string;
  currency: string;
  inventory: { skus: number; totalQuantity: number; fulfillable: number; inbound: number; reserved: number; unfulfillable: number };
  lowStock: ExpectedLowStock[];
  orders: { counted: number; revenue: string; units: number; cancelled: number; pending: number; pendingUnits: number };
  fba: { shipments: number; byStatus: Record<string, number>; open: number; inboundUnits: number };
}

/**
 * The figures a correct sync of `data` reports at `asOf`: orders placed in the `windowDays` before
 * it, split into counted (not cancelled, not pending), cancelled and pending; revenue as the sum
 * of counted items' unit price times quantity; low stock by `rule`; open shipments' units still to
 * be received. Low-stock decisions use integer arithmetic (fulfillable x window < days x units).
 */
export function expectedMarketplaceTotals(data: MarketplaceData, asOf: number, rule: LowStockRule): ExpectedMarketplaceTotals {
  const since = asOf - rule.windowDays * DAY_MS;
  const inWindow = data.orders.filter((o) => Date.parse(o.createdTime) >= since && Date.parse(o.createdTime) <= asOf);
  let revenue = 0n;
  let units = 0;
  let pendingUnits = 0;
  const sold = new Map<string, number>();
  for (const o of inWindow) {
    const orderUnits = o.items.reduce((sum, i) => sum + i.quantity, 0);
    if (o.status !== 'CANCELLED') for (const i of o.items) sold.set(i.sellerSku, (sold.get(i.sellerSku) ?? 0) + i.quantity);
    if (o.status === 'PENDING') pendingUnits += orderUnits;
    if (o.status === 'CANCELLED' || o.status === 'PENDING') continue;
    units += orderUnits;
    for (const i of o.items) revenue += BigInt(i.unitPriceMinor ?? 0) * BigInt(i.quantity);
  }
  const lowStock: ExpectedLowStock[] = [];
  for (const item of data.inventory) {
    const unitsSold = sold.get(item.sellerSku) ?? 0;
    const low = unitsSold > 0 ? item.fulfillable * rule.windowDays < rule.days * unitsSold : item.fulfillable < rule.units;
    if (low) lowStock.push({ sku: item.sellerSku, quantity: item.fulfillable, unitsSold });
  }
  const byStatus: Record<string, number> = {};
  let open = 0;
  let inboundUnits = 0;
  for (const s of data.shipments) {
    byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
    if (CLOSED.includes(s.status)) continue;
    open += 1;
    for (const i of s.items) inboundUnits += Math.max(0, i.quantityShipped - i.quantityReceived);
  }
  const sum = (f: (i: (typeof data.inventory)[number]) => number) => data.inventory.reduce((t, i) => t + f(i), 0);
  return {
    marketplace: data.id,
    currency: data.currency,
    inventory: {
      skus: data.inventory.length,
      totalQuantity: sum(totalOf),
      fulfillable: sum((i) => i.fulfillable),
      inbound: sum((i) => i.inboundWorking + i.inboundShipped + i.inboundReceiving),
      reserved: sum(reservedOf),
      unfulfillable: sum(unfulfillableOf),
    },
    lowStock: lowStock.sort((a, b) => a.sku.localeCompare(b.sku)),
    orders: {
      counted: inWindow.filter((o) => o.status !== 'CANCELLED' && o.status !== 'PENDING').length,
      revenue: formatMinor(revenue, data.currency),
      units,
      cancelled: inWindow.filter((o) => o.status === 'CANCELLED').length,
      pending: inWindow.filter((o) => o.status === 'PENDING').length,
      pendingUnits,
    },
    fba: { shipments: data.shipments.length, byStatus, open, inboundUnits },
  };
}

export { currencyDigits };
