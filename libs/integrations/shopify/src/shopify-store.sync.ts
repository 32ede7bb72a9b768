import { type Envelope, formatMoney } from '@ops/sse-events';
import { countSetAsideOrders, enqueueOutbox, type Executor, getCursor, type OrderTotals, setCursor, sumOrdersByAccount } from '@ops/store';
import type { RunContext } from '@ops/sync-core';

import type { ShopifyConfig, ShopifyStoreConfig } from './config/shopify.config';
import { allProducts, bulkOrders, ordersSince, type ShopInfo, shopInfo } from './client/orders.source';
import type { ShopifyClient } from './client/shopify.client';
import type { StoreSalesTotals } from './metrics/sales.metrics';
import { periodBounds, SALES_PERIODS } from './metrics/sales-periods';
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
  now: () => Date = () => new Date(),
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
  const shop = await shopInfo(client);
  const totals = await database.transaction(async (tx) => {
    if (finalCursor) await setCursor(tx, INTEGRATION, store.domain, JSON.stringify(finalCursor));
    const read = await readTotals(tx, store, { products, shop, asOf: now() });
    await enqueueOutbox(tx, [completedEvent(read)]);
    return read;
  });
  context.progress(`${store.domain}: done (${fetched} orders fetched this run, ${totals.orders} counted)`);
  return totals;
}

/** One currency's totals of the store, or none when it has no counted order in the window. */
async function storeTotals(tx: Executor, storeId: string, currency: string, window: { since?: Date; until?: Date } = {}) {
  const rows = await sumOrdersByAccount(tx, INTEGRATION, { accountId: storeId, ...window });
  const row = rows.find((r) => r.currency === currency);
  if (rows.length > (row ? 1 : 0)) throw new Error(`${storeId} has orders outside its shop currency ${currency}`);
  return row;
}

/** The store's figures under the revenue policy, read back from the database in `tx`. */
async function readTotals(
  tx: Executor,
  store: ShopifyStoreConfig,
  { products, shop, asOf }: { products: number; shop: ShopInfo; asOf: Date },
): Promise<StoreSalesTotals> {
  const { currency, timeZone } = shop;
  const money = (amount: string | undefined) => formatMoney(amount ?? '0', currency);
  const row: OrderTotals | undefined = await storeTotals(tx, store.domain, currency);
  const aside = (await countSetAsideOrders(tx, INTEGRATION)).find((r) => r.accountId === store.domain);
  const bounds = periodBounds(asOf, timeZone);
  // `until` is exclusive in the query; the period includes the sync instant itself.
  const periodOf = async (name: (typeof SALES_PERIODS)[number]) => {
    const sums = await storeTotals(tx, store.domain, currency, { since: bounds[name].since, until: new Date(asOf.getTime() + 1) });
    return { orders: sums?.orders ?? 0, revenue: money(sums?.gross), netRevenue: money(sums?.net) };
  };
  const ordersWithoutFees = row?.ordersWithoutFees ?? 0;
  return {
    storeId: store.domain,
    label: store.label,
    currency,
    orders: row?.orders ?? 0,
    cancelledOrders: aside?.cancelledOrders ?? 0,
    testOrders: aside?.testOrders ?? 0,
    products,
    gross: money(row?.gross),
    refunds: money(row?.refunds),
    net: money(row?.net),
    fees: ordersWithoutFees === 0 ? money(row?.fees) : null,
    ordersWithoutFees,
    periods: {
      asOf: asOf.toISOString(),
      timeZone,
      today: await periodOf('today'),
      last7Days: await periodOf('last7Days'),
      last30Days: await periodOf('last30Days'),
    },
  };
}
