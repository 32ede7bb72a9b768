import type { AmazonMarketplaceConfig } from './config/amazon.config';
import type { AmazonOrder, InboundShipment, InboundShipmentItem, InventorySummary } from './client/amazon.api-types';
import { inventorySummaries } from './client/inventory.source';
import { ordersUpdatedSince } from './client/orders.source';
import { shipmentItems, shipmentsUpdated } from './client/shipments.source';
import type { SpApiClient } from './client/sp-api.client';

export interface MarketplaceCursor {
  /** Amazon's `lastUpdatedBefore` of the last run: the next run's `lastUpdatedAfter`. */
  ordersUpdatedBefore: string;
  /** When the last inventory read started. */
  inventoryCheckedAt: string;
  /** The end of the last shipments date range. */
  shipmentsUpdatedBefore: string;
}

/** Where fetched pages go as they arrive (stored while other operations still wait for their buckets). */
export interface PageSink {
  inventory(page: InventorySummary[]): Promise<void>;
  orders(page: AmazonOrder[]): Promise<void>;
  shipments(shipments: { shipment: InboundShipment; items: InboundShipmentItem[] }[]): Promise<void>;
}

export interface FetchedMarketplace {
  inventory: number;
  orders: number;
  shipments: number;
  next: MarketplaceCursor;
}

const DAY_MS = 86_400_000;
/** Re-read this much before the stored inventory and shipment marks, in case a change was stamped late. */
const OVERLAP_MS = 10 * 60_000;
/** The first run's shipments window. */
const SHIPMENTS_FIRST_DAYS = 90;

/**
 * Everything one marketplace changed since `cursor` (everything in the window when there is
 * none): inventory, orders and shipments read at once, each through its own operation bucket,
 * each page handed to `sink`; items only for the shipments that changed. Returns the counts and
 * the cursor to store once the caller has committed.
 */
export async function fetchMarketplace(
  client: SpApiClient,
  marketplace: AmazonMarketplaceConfig,
  cursor: MarketplaceCursor | undefined,
  window: { startedAt: number; windowDays: number },
  sink: PageSink,
): Promise<FetchedMarketplace> {
  const startedAt = new Date(window.startedAt).toISOString();
  const since = (mark: string | undefined, firstRunLookbackMs: number) => new Date(mark ? Date.parse(mark) - OVERLAP_MS : window.startedAt - firstRunLookbackMs).toISOString();
  // The first stream to fail stops the others' waits and retries: the error is reported at once.
  const failed = new AbortController();
  const stopOthers = <T>(promise: Promise<T>) =>
    promise.catch((error: unknown) => {
      failed.abort(error);
      throw error;
    });
  const signal = failed.signal;
  const [inventory, orders, shipments] = await settleAll([
    stopOthers(
      (async () => {
        let rows = 0;
        for await (const page of inventorySummaries(client, marketplace.id, cursor ? since(cursor.inventoryCheckedAt, 0) : undefined, signal)) {
          await sink.inventory(page);
          rows += page.length;
        }
        return rows;
      })(),
    ),
    stopOthers(
      ordersUpdatedSince(client, marketplace.id, cursor?.ordersUpdatedBefore ?? new Date(window.startedAt - window.windowDays * DAY_MS).toISOString(), (page) => sink.orders(page), signal),
    ),
    stopOthers(
      (async () => {
        const changed = await shipmentsUpdated(client, marketplace.id, since(cursor?.shipmentsUpdatedBefore, SHIPMENTS_FIRST_DAYS * DAY_MS), startedAt, signal);
        const withItems = await settleAll(changed.map(async (shipment) => ({ shipment, items: await shipmentItems(client, marketplace.id, shipment.ShipmentId, signal) })));
        await sink.shipments(withItems);
        return withItems.length;
      })(),
    ),
  ] as const);
  return {
    inventory,
    orders: orders.orders,
    shipments,
    next: { ordersUpdatedBefore: orders.lastUpdatedBefore, inventoryCheckedAt: startedAt, shipmentsUpdatedBefore: startedAt },
  };
}

/** The stored cursor, or undefined when there is none or it is not one of ours (then the run is a full one). */
export function parseCursor(stored: string | null): MarketplaceCursor | undefined {
  if (!stored) return undefined;
  try {
    const value = JSON.parse(stored) as Partial<MarketplaceCursor>;
    if (typeof value.ordersUpdatedBefore === 'string' && typeof value.inventoryCheckedAt === 'string' && typeof value.shipmentsUpdatedBefore === 'string') {
      return value as MarketplaceCursor;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** Like `Promise.all`, but waits for every promise to settle before rejecting with the first failure, so nothing is left running. */
async function settleAll<T extends readonly unknown[]>(promises: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
