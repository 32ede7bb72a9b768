import {
  type Database,
  type Executor,
  getInventorySnapshot,
  replaceInboundShipmentItems,
  upsertFbaInventory,
  upsertInboundShipments,
  upsertInventoryLevels,
  upsertOrderLines,
  upsertOrders,
} from '@ops/store';
import { changesToAnnounce, diffInventory, type InventoryChange, type InventoryLevel } from '@ops/sync-core';

import type { AmazonMarketplaceConfig } from './config/amazon.config';
import type { AmazonOrder, InboundShipment, InboundShipmentItem, InventorySummary } from './client/amazon.api-types';
import { toFbaInventoryRow, toInventoryLevel } from './mapping/inventory.mapper';
import { INTEGRATION, mapOrder } from './mapping/order.mapper';
import { toShipmentItemRows, toShipmentRow } from './mapping/shipment.mapper';
import type { PageSink } from './marketplace-fetch';

/**
 * Stores one marketplace's pages as they arrive, each in its own transaction: orders with their
 * lines, FBA rows, shipments with their items. These are idempotent upserts of the source's
 * latest state; the cursor and the change-detection snapshot are NOT touched here, so a run that
 * fails later re-reads the same changes next time and reports them then. Keeps the fetched
 * levels for {@link commitSnapshot}.
 */
export class MarketplacePageWriter implements PageSink {
  readonly levels: InventoryLevel[] = [];

  constructor(
    private readonly database: Database,
    private readonly marketplace: AmazonMarketplaceConfig,
  ) {}

  async inventory(page: InventorySummary[]): Promise<void> {
    const rows = page.map((summary) => toFbaInventoryRow(this.marketplace.id, summary));
    await this.database.transaction((tx) => upsertFbaInventory(tx, rows));
    this.levels.push(...rows.map(toInventoryLevel));
  }

  async orders(page: AmazonOrder[]): Promise<void> {
    const mapped = page.map((order) => mapOrder(this.marketplace.id, this.marketplace.currency, order));
    await this.database.transaction(async (tx) => {
      await upsertOrders(tx, mapped.map((m) => m.order));
      await upsertOrderLines(tx, mapped.flatMap((m) => m.lines));
    });
  }

  async shipments(shipments: { shipment: InboundShipment; items: InboundShipmentItem[] }[]): Promise<void> {
    const id = this.marketplace.id;
    await this.database.transaction(async (tx) => {
      await upsertInboundShipments(tx, shipments.map(({ shipment }) => toShipmentRow(id, shipment)));
      await replaceInboundShipmentItems(
        tx,
        id,
        shipments.map(({ shipment }) => shipment.ShipmentId),
        shipments.flatMap(({ shipment, items }) => toShipmentItemRows(id, shipment.ShipmentId, items)),
      );
    });
  }
}

/**
 * In the run's final transaction: compares the fetched levels (fulfillable units) with the stored
 * `inventory_snapshots` of the marketplace, writes the ones that differ, and returns them. The
 * first snapshot of a marketplace is the baseline and reports no change.
 */
export async function commitSnapshot(tx: Executor, marketplaceId: string, fetched: readonly InventoryLevel[], observedAt: Date): Promise<InventoryChange[]> {
  const stored = await getInventorySnapshot(tx, INTEGRATION, marketplaceId);
  const previous = stored.map((level) => ({ sku: level.sku, location: level.location, quantity: Number(level.quantity) }));
  const changes = diffInventory(previous, fetched);
  await upsertInventoryLevels(
    tx,
    INTEGRATION,
    marketplaceId,
    changes.map((level) => ({ sku: level.sku, location: level.location, quantity: String(level.quantity), observedAt })),
  );
  return changesToAnnounce(previous, changes);
}
