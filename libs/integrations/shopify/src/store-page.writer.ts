import { type Database, setCursor, upsertOrderLines, upsertOrders, upsertProducts } from '@ops/store';

import type { RawOrder } from './client/shopify.api-types';
import type { RawProduct } from './client/orders.source';
import { legacyId, mapLineItem, mapOrder } from './mapping/order.mapper';

export const INTEGRATION = 'shopify';

export interface ShopifyCursor {
  /** Orders changed at or after this instant are fetched next time. */
  ordersUpdatedAt: string;
}

/**
 * Stores one page of orders and, when given, the cursor it advances to, in one transaction:
 * a crash leaves either both or neither, so the next run resumes from the last committed page.
 */
export async function storeOrdersPage(
  database: Database,
  storeId: string,
  orders: readonly RawOrder[],
  cursor?: ShopifyCursor,
): Promise<number> {
  const rows = orders.map((order) => ({ integration: INTEGRATION, accountId: storeId, ...mapOrder(order) }));
  const lines = orders.flatMap((order) =>
    order.lineItems.nodes.map((item) => {
      const line = mapLineItem(order.id, item);
      return { integration: INTEGRATION, accountId: storeId, ...line, quantity: String(line.quantity), refundedQuantity: String(line.refundedQuantity) };
    }),
  );
  await database.transaction(async (tx) => {
    await upsertOrders(tx, rows);
    await upsertOrderLines(tx, lines);
    if (cursor) await setCursor(tx, INTEGRATION, storeId, JSON.stringify(cursor));
  });
  return rows.length;
}

/** Parses a stored cursor; an unreadable one means "start over", never a guess. */
export function parseCursor(stored: string | null): ShopifyCursor | undefined {
  if (!stored) return undefined;
  try {
    const parsed = JSON.parse(stored) as Partial<ShopifyCursor>;
    return typeof parsed.ordersUpdatedAt === 'string' ? { ordersUpdatedAt: parsed.ordersUpdatedAt } : undefined;
  } catch {
    return undefined;
  }
}

/** Stores one page of the catalogue. */
export async function storeProductsPage(database: Database, storeId: string, products: readonly RawProduct[]): Promise<number> {
  await upsertProducts(
    database.db,
    products.map((p) => ({
      integration: INTEGRATION,
      accountId: storeId,
      externalId: legacyId(p.id),
      title: p.title,
      updatedAt: new Date(p.updatedAt),
    })),
  );
  return products.length;
}
