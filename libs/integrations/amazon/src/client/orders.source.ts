import { type AmazonOrder, OrdersPageSchema, parseResponse } from './amazon.api-types';
import type { SpApiClient } from './sp-api.client';

/** The Orders API version the worker reads; this file and `order.mapper.ts` are all that know it. */
export const ORDERS_API_VERSION = '2026-01-01';

export interface ChangedOrders {
  orders: number;
  /** The end of the window Amazon answered for (it defaults to 2 minutes before its own now): the next run's start. */
  lastUpdatedBefore: string;
}

/**
 * Orders of one marketplace updated at or after `lastUpdatedAfter`, page by page to `onPage`, through Orders v2026-01-01
 * `searchOrders` with their items, proceeds and fulfilment status in the same pages (no per-order
 * item calls). `lastUpdatedBefore` is left to Amazon (at least 2 minutes before now, as it
 * requires) and its answer is kept for the cursor; follow-up pages repeat the first request's
 * parameters exactly, as the pagination token requires.
 */
export async function ordersUpdatedSince(
  client: SpApiClient,
  marketplaceId: string,
  lastUpdatedAfter: string,
  onPage: (orders: AmazonOrder[]) => Promise<void>,
  signal?: AbortSignal,
): Promise<ChangedOrders> {
  let orders = 0;
  let paginationToken: string | undefined;
  let lastUpdatedBefore: string | undefined;
  do {
    const body = await client.call('searchOrders', {
      query: {
        marketplaceIds: [marketplaceId],
        lastUpdatedAfter,
        maxResultsPerPage: 100,
        includedData: ['PROCEEDS', 'FULFILLMENT'],
        ...(paginationToken ? { paginationToken } : {}),
      },
      signal,
    });
    const page = parseResponse(OrdersPageSchema, body, 'searchOrders');
    await onPage(page.orders);
    orders += page.orders.length;
    lastUpdatedBefore ??= page.lastUpdatedBefore;
    paginationToken = page.pagination?.nextToken || undefined;
  } while (paginationToken);
  if (!lastUpdatedBefore) throw new Error('searchOrders answered without lastUpdatedBefore');
  return { orders, lastUpdatedBefore };
}
