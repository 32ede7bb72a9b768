import type { Envelope } from '@ops/sse-events';
import { enqueueOutbox, type Executor, getCursor, setCursor, sumOrdersByAccount } from '@ops/store';
import type { RunContext } from '@ops/sync-core';
import { trimDecimal } from '@ops/sse-events';

import type { ShopifyConfig, ShopifyStoreConfig } from './config/shopify.config';
import { allProducts, bulkOrders, ordersSince, shopCurrency } from './client/orders.source';
import type { ShopifyClient } from './client/shopify.client';
import type { StoreSalesTotals } from './metrics/sales.metrics';
import { INTEGRATION, parseCursor, type ShopifyCursor, storeOrdersPage, storeProductsPage } from './store-page.writer';

/**
 * Syncs one store: a bulk backfill the first time (when enabled), otherwise orders changed since
 * the stored cursor, page by page, each page committed with the cursor it reached; a shutdown stops
 * it after the last committed page. Then, in one transaction: the final cursor, the store's totals
 * read back from the database, and the `shopify:store_synced` event `completedEvent` makes of them.
 */
export async function syncStore(
  store: ShopifyStoreConfig,
  client: ShopifyClient,
  config: ShopifyConfig,
  context: RunContext,
  completedEvent: (totals: StoreSalesTotals) => Envelope,
): Promise<StoreSalesTotals> {
  const { database, signal } = context;
  const cursor = context.full ? undefined : parseCursor(await getCursor(database.db, INTEGRATION, store.domain));
  let fetched = 0;
  let finalCursor: ShopifyCursor | undefined;
  if (!cursor && config.bulkBackfill) {
    context.progress(`${store.domain}: full backfill through a bulk operation`);
    const backfill = await bulkOrders(client, 1000);
    for await (const page of backfill.pages) {
      fetched += await storeOrdersPage(database, store.domain, page.orders);
      context.progress(`${store.domain}: ${fetched} orders stored`);
      signal.throwIfAborted();
    }
    finalCursor = { ordersUpdatedAt: backfill.startedAt };
  } else {
    context.progress(`${store.domain}: orders changed since ${cursor?.ordersUpdatedAt ?? 'the beginning'}`);
    for await (const page of ordersSince(client, cursor?.ordersUpdatedAt, config.pageSize)) {
      const last = page.orders.at(-1);
      fetched += await storeOrdersPage(database, store.domain, page.orders, last ? { ordersUpdatedAt: last.updatedAt } : undefined);
      context.progress(`${store.domain}: ${fetched} changed orders stored`);
      signal.throwIfAborted();
    }
  }
  let products = 0;
  for await (const page of allProducts(client)) {
    products += await storeProductsPage(context.database, store.domain, page);
    signal.throwIfAborted();
  }
  const currency = await shopCurrency(client);
  const totals = await database.transaction(async (tx) => {
    if (finalCursor) await setCursor(tx, INTEGRATION, store.domain, JSON.stringify(finalCursor));
    const read = await readTotals(tx, store, { products, currency });
    await enqueueOutbox(tx, [completedEvent(read)]);
    return read;
  });
  context.progress(`${store.domain}: done (${fetched} orders fetched this run, ${totals.orders} stored)`);
  return totals;
}

async function readTotals(
  tx: Executor,
  store: ShopifyStoreConfig,
  { products, currency }: { products: number; currency: string },
): Promise<StoreSalesTotals> {
  const rows = (await sumOrdersByAccount(tx, INTEGRATION)).filter((row) => row.accountId === store.domain);
  const row = rows.find((r) => r.currency === currency);
  if (rows.length > (row ? 1 : 0)) throw new Error(`${store.domain} has orders outside its shop currency ${currency}`);
  return {
    storeId: store.domain,
    label: store.label,
    currency,
    orders: row?.orders ?? 0,
    products,
    gross: trimDecimal(row?.gross ?? '0'),
    refunds: trimDecimal(row?.refunds ?? '0'),
    net: trimDecimal(row?.net ?? '0'),
    fees: !row || row.ordersWithoutFees === row.orders ? null : trimDecimal(row.fees),
  };
}
