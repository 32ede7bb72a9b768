import { sleep } from '@ops/resilience';
import { MalformedResponseError, TransientError } from '@ops/sync-core';
import type { z } from 'zod';

import {
  BULK_RUN_MUTATION,
  BULK_STATUS_QUERY,
  ORDERS_BULK_QUERY,
  ORDER_LINES_QUERY,
  ORDER_TRANSACTIONS_QUERY,
  ORDERS_PAGE_QUERY,
  PRODUCTS_PAGE_QUERY,
  SHOP_QUERY,
  TRANSACTIONS_PER_PAGE_ORDER,
  updatedSince,
} from './shopify.queries';
import {
  type BulkOperation,
  BulkRunSchema,
  BulkStatusSchema,
  OrderLinesSchema,
  OrderTransactionsSchema,
  OrdersPageSchema,
  ProductsPageSchema,
  ShopSchema,
  type RawOrder,
} from './shopify.api-types';
import type { ShopifyClient } from './shopify.client';
import { readBulkOrders } from './bulk-jsonl.reader';

export interface OrdersPage {
  orders: RawOrder[];
}

/** Orders changed at or after `since` (all orders when absent), oldest change first, page by page. */
export async function* ordersSince(client: ShopifyClient, since: string | undefined, pageSize: number): AsyncGenerator<OrdersPage> {
  let after: string | null = null;
  do {
    const page: z.infer<typeof OrdersPageSchema> = await client.request(
      ORDERS_PAGE_QUERY,
      { first: pageSize, after, query: since ? updatedSince(since) : null },
      OrdersPageSchema,
    );
    yield { orders: await completeTransactions(client, await completeLineItems(client, page.orders.nodes)) };
    after = page.orders.pageInfo.hasNextPage ? page.orders.pageInfo.endCursor : null;
  } while (after);
}

/** Fetches the remaining line items of orders whose first page of lines was not the last. */
async function completeLineItems(client: ShopifyClient, orders: RawOrder[]): Promise<RawOrder[]> {
  for (const order of orders) {
    let pageInfo = order.lineItems.pageInfo;
    while (pageInfo?.hasNextPage) {
      const { order: more }: z.infer<typeof OrderLinesSchema> = await client.request(
        ORDER_LINES_QUERY,
        { id: order.id, after: pageInfo.endCursor },
        OrderLinesSchema,
      );
      if (!more) throw new MalformedResponseError(`${client.storeId}: order ${order.id} vanished while reading its lines`);
      order.lineItems.nodes.push(...more.lineItems.nodes);
      pageInfo = more.lineItems.pageInfo;
    }
  }
  return orders;
}

/** Reads every transaction of the orders whose page held as many as a page query asks for. */
async function completeTransactions(client: ShopifyClient, orders: RawOrder[]): Promise<RawOrder[]> {
  for (const order of orders) {
    if (order.transactions.length < TRANSACTIONS_PER_PAGE_ORDER) continue;
    const { order: whole } = await client.request(ORDER_TRANSACTIONS_QUERY, { id: order.id }, OrderTransactionsSchema);
    if (!whole) throw new MalformedResponseError(`${client.storeId}: order ${order.id} vanished while reading its transactions`);
    order.transactions = whole.transactions;
  }
  return orders;
}

export interface ShopInfo {
  /** What its totals are in, even before it has any order. */
  currency: string;
  /** Its IANA time zone: where its days begin. */
  timeZone: string;
}

export async function shopInfo(client: ShopifyClient): Promise<ShopInfo> {
  const { shop } = await client.request(SHOP_QUERY, {}, ShopSchema);
  return { currency: shop.currencyCode, timeZone: shop.ianaTimezone };
}

export type RawProduct = z.infer<typeof ProductsPageSchema>['products']['nodes'][number];

/** The store's catalogue, 250 products a page. */
export async function* allProducts(client: ShopifyClient): AsyncGenerator<RawProduct[]> {
  let after: string | null = null;
  do {
    const page: z.infer<typeof ProductsPageSchema> = await client.request(PRODUCTS_PAGE_QUERY, { first: 250, after, query: null }, ProductsPageSchema);
    yield page.products.nodes;
    after = page.products.pageInfo.hasNextPage ? page.products.pageInfo.endCursor : null;
  } while (after);
}

export interface BulkBackfill {
  /** When Shopify took the snapshot: changes after it are left for the next incremental sync. */
  startedAt: string;
  pages: AsyncGenerator<OrdersPage>;
}

/**
 * The first full sync of a large store: one bulk operation over every order, streamed from its
 * JSONL result in pages of `pageSize` so memory does not grow with the store.
 */
export async function bulkOrders(client: ShopifyClient, pageSize: number, pollMs = 1000): Promise<BulkBackfill> {
  const run = await client.request(BULK_RUN_MUTATION, { query: ORDERS_BULK_QUERY }, BulkRunSchema);
  const { bulkOperation, userErrors } = run.bulkOperationRunQuery;
  if (!bulkOperation || userErrors.length > 0) {
    throw new MalformedResponseError(`${client.storeId}: bulk operation refused: ${userErrors.map((e) => e.message).join('; ')}`);
  }
  const done = await waitForBulk(client, bulkOperation.id, pollMs);
  const startedAt = done.createdAt ?? new Date().toISOString();
  // Shopify answers a bulk query that matched nothing with `url: null`.
  return { startedAt, pages: done.url ? readBulkOrders(done.url, pageSize) : noPages() };
}

async function waitForBulk(client: ShopifyClient, id: string, pollMs: number): Promise<BulkOperation> {
  for (let delay = pollMs; ; delay = Math.min(delay * 1.5, 10_000)) {
    const { node } = await client.request(BULK_STATUS_QUERY, { id }, BulkStatusSchema);
    if (!node) throw new MalformedResponseError(`${client.storeId}: bulk operation ${id} vanished`);
    if (node.status === 'COMPLETED') return node;
    if (node.status !== 'CREATED' && node.status !== 'RUNNING') {
      throw new TransientError(`${client.storeId}: bulk operation ${node.status} (${node.errorCode ?? 'no code'})`, 'BULK_FAILED');
    }
    await sleep(delay);
  }
}

async function* noPages(): AsyncGenerator<OrdersPage> {
  yield* [];
}
