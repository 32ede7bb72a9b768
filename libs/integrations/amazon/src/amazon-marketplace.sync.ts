import { createEnvelope, type EventSource } from '@ops/sse-events';
import { enqueueOutbox, getCursor, setCursor } from '@ops/store';
import { inventoryUpdateEvents, type RunContext } from '@ops/sync-core';

import type { AmazonConfig, AmazonMarketplaceConfig } from './config/amazon.config';
import type { SpApiClient } from './client/sp-api.client';
import { INTEGRATION } from './mapping/order.mapper';
import type { MarketplaceFigures } from './metrics/amazon-payloads.metrics';
import { fetchMarketplace, parseCursor } from './marketplace-fetch';
import { readMarketplaceFigures } from './marketplace-totals';
import { commitSnapshot, MarketplacePageWriter } from './marketplace.writer';

/**
 * Syncs one marketplace: fetches what changed since its cursor, storing pages as they arrive, then
 * in one transaction updates the change-detection snapshot, advances the cursor, reads the figures
 * back and commits `amazon:inventory_synced`, `amazon:orders_synced`, `amazon:fba_synced` and one
 * `inventory:update` per changed SKU. A failure before that commit leaves the cursor and the
 * snapshot as they were (pages already stored are the source's own latest state, re-read next run).
 */
export async function syncMarketplace(
  marketplace: AmazonMarketplaceConfig,
  client: SpApiClient,
  config: AmazonConfig,
  context: RunContext,
  source: EventSource,
  now: () => number,
): Promise<MarketplaceFigures> {
  const { database } = context;
  const cursor = context.full ? undefined : parseCursor(await getCursor(database.db, INTEGRATION, marketplace.id));
  const startedAt = now();
  context.progress(`${marketplace.id}: ${cursor ? `changes since ${cursor.ordersUpdatedBefore}` : `full read (orders of the last ${config.windowDays} days)`}`);
  const writer = new MarketplacePageWriter(database, marketplace);
  const fetched = await fetchMarketplace(client, marketplace, cursor, { startedAt, windowDays: config.windowDays }, writer);
  context.signal.throwIfAborted();
  const asOf = new Date(startedAt);
  const { figures, changes } = await database.transaction(async (tx) => {
    const changes = await commitSnapshot(tx, marketplace.id, writer.levels, asOf);
    await setCursor(tx, INTEGRATION, marketplace.id, JSON.stringify(fetched.next));
    const figures = await readMarketplaceFigures(tx, marketplace, config, asOf);
    await enqueueOutbox(tx, [
      createEnvelope('amazon:inventory_synced', source, figures.inventory),
      createEnvelope('amazon:orders_synced', source, figures.orders),
      createEnvelope('amazon:fba_synced', source, figures.fba),
      ...inventoryUpdateEvents(source, changes),
    ]);
    return { figures, changes };
  });
  context.progress(
    `${marketplace.id}: ${fetched.inventory} inventory rows, ${fetched.orders} orders, ${fetched.shipments} shipments fetched; ` +
      `${changes.length} SKUs changed; ${figures.orders.totalOrders} orders counted`,
  );
  return figures;
}
