import { sql } from 'drizzle-orm';

import type { Executor } from '../database/database.types';
import { orderLines, orders, products } from '../schema';
import { lastPerKey, setFromExcluded, upsertInChunks, wasInserted, type UpsertResult } from './upsert';

export type OrderRow = Omit<typeof orders.$inferInsert, 'syncedAt'>;
export type OrderLineRow = Omit<typeof orderLines.$inferInsert, 'syncedAt'>;
export type ProductRow = Omit<typeof products.$inferInsert, 'syncedAt'>;

const orderKey = (row: OrderRow) => JSON.stringify([row.integration, row.accountId, row.externalId]);
const lineKey = (row: OrderLineRow) =>
  JSON.stringify([row.integration, row.accountId, row.orderExternalId, row.externalId]);
const productKey = (row: ProductRow) => JSON.stringify([row.integration, row.accountId, row.externalId]);

/**
 * Inserts or updates orders by (integration, accountId, externalId), in chunks of 500 rows.
 * A stored order is updated only when the incoming `updatedAt` is not older than the stored one
 * (a late, stale page never overwrites newer data); such rows count as `skipped`. When a key
 * repeats within `rows` the last one wins. Money fields are decimal strings.
 */
export function upsertOrders(tx: Executor, rows: readonly OrderRow[]): Promise<UpsertResult> {
  return upsertInChunks(lastPerKey(rows, orderKey), (part) =>
    tx
      .insert(orders)
      .values(part)
      .onConflictDoUpdate({
        target: [orders.integration, orders.accountId, orders.externalId],
        set: { ...setFromExcluded(orders, ['integration', 'accountId', 'externalId']), syncedAt: sql`now()` },
        setWhere: sql`excluded.updated_at >= ${orders.updatedAt}`,
      })
      .returning({ inserted: wasInserted }),
    { tx, table: orders },
  );
}

/**
 * Inserts or updates order lines by (order key, line externalId). The order must already be stored
 * (foreign key). Lines that disappeared from an order are not deleted here. Last duplicate wins.
 */
export function upsertOrderLines(tx: Executor, rows: readonly OrderLineRow[]): Promise<UpsertResult> {
  return upsertInChunks(lastPerKey(rows, lineKey), (part) =>
    tx
      .insert(orderLines)
      .values(part)
      .onConflictDoUpdate({
        target: [orderLines.integration, orderLines.accountId, orderLines.orderExternalId, orderLines.externalId],
        set: {
          ...setFromExcluded(orderLines, ['integration', 'accountId', 'orderExternalId', 'externalId']),
          syncedAt: sql`now()`,
        },
      })
      .returning({ inserted: wasInserted }),
    { tx, table: orderLines },
  );
}

/**
 * Inserts or updates products by (integration, accountId, externalId); like `upsertOrders`, an
 * incoming row older than the stored `updatedAt` is skipped. Last duplicate wins.
 */
export function upsertProducts(tx: Executor, rows: readonly ProductRow[]): Promise<UpsertResult> {
  return upsertInChunks(lastPerKey(rows, productKey), (part) =>
    tx
      .insert(products)
      .values(part)
      .onConflictDoUpdate({
        target: [products.integration, products.accountId, products.externalId],
        set: { ...setFromExcluded(products, ['integration', 'accountId', 'externalId']), syncedAt: sql`now()` },
        setWhere: sql`excluded.updated_at >= ${products.updatedAt}`,
      })
      .returning({ inserted: wasInserted }),
    { tx, table: products },
  );
}
