import { intBetween, mixSeed, mulberry32 } from '../../common/prng';
import type { SandboxInventoryChange } from '../amazon.types';
import type { MarketplaceData } from './dataset.types';
import { iso, order } from './marketplace-dataset';

/** What one round of {@link applyRound} changed in one marketplace. */
export interface RoundChanges {
  inventory: SandboxInventoryChange[];
  newOrders: string[];
  changedOrders: string[];
  changedShipments: string[];
}

/**
 * Seeded changes "between runs", stamped at `now`: five SKUs' fulfillable stock moves (never to
 * the same value), three orders arrive, one pending order gets its price and ships, one unshipped
 * order is cancelled, and one receiving shipment receives more units.
 */
export function applyRound(data: MarketplaceData, seed: number, round: number, now: number): RoundChanges {
  const next = mulberry32(mixSeed(seed, round, data.inventory.length));
  const stamp = iso(now);
  const changes: RoundChanges = { inventory: [], newOrders: [], changedOrders: [], changedShipments: [] };
  const picked = new Set<number>();
  while (picked.size < Math.min(5, data.inventory.length)) picked.add(intBetween(next, 0, data.inventory.length - 1));
  for (const index of picked) {
    const item = data.inventory[index];
    const previousQuantity = item.fulfillable;
    const delta = intBetween(next, 1, 20) * (next() < 0.6 || previousQuantity === 0 ? 1 : -1);
    item.fulfillable = Math.max(0, previousQuantity + delta);
    if (item.fulfillable === previousQuantity) item.fulfillable += 1;
    item.lastUpdatedTime = stamp;
    changes.inventory.push({ marketplace: data.id, sku: item.sellerSku, previousQuantity, quantity: item.fulfillable });
  }
  const selling = Math.max(1, Math.ceil(data.inventory.length * 0.75));
  for (let k = 0; k < 3; k++) {
    const created = order(data, data.orders.length, selling, data.inventory, next, now, now);
    created.lastUpdatedTime = stamp;
    data.orders.push(created);
    changes.newOrders.push(created.orderId);
  }
  const pending = data.orders.find((o) => o.status === 'PENDING');
  if (pending) {
    pending.status = 'SHIPPED';
    pending.items.forEach((item) => (item.unitPriceMinor = intBetween(next, 499, 8999)));
    pending.lastUpdatedTime = stamp;
    changes.changedOrders.push(pending.orderId);
  }
  const unshipped = data.orders.find((o) => o.status === 'UNSHIPPED' && !changes.newOrders.includes(o.orderId));
  if (unshipped) {
    unshipped.status = 'CANCELLED';
    unshipped.lastUpdatedTime = stamp;
    changes.changedOrders.push(unshipped.orderId);
  }
  const receiving = data.shipments.find((s) => s.status === 'RECEIVING' && s.items.some((i) => i.quantityReceived < i.quantityShipped));
  if (receiving) {
    const item = receiving.items.find((i) => i.quantityReceived < i.quantityShipped);
    if (item) item.quantityReceived = Math.min(item.quantityShipped, item.quantityReceived + intBetween(next, 1, 10));
    receiving.lastUpdatedTime = stamp;
    changes.changedShipments.push(receiving.shipmentId);
  }
  return changes;
}
