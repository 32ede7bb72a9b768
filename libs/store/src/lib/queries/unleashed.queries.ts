import { and, asc, eq, sql } from 'drizzle-orm';

import type { Executor } from '../database/database.types';
import { productStockLevels, stockOnHand } from '../schema';
import { lastPerKey, setFromExcluded, upsertInChunks, wasInserted, type UpsertResult } from './upsert';

export type StockOnHandRow = Omit<typeof stockOnHand.$inferInsert, 'syncedAt'>;
export type StockOnHand = typeof stockOnHand.$inferSelect;
export type ProductStockLevelsRow = Omit<typeof productStockLevels.$inferInsert, 'syncedAt'>;
export type ProductStockLevelsStored = typeof productStockLevels.$inferSelect;

const account = (integration: string, accountId: string) =>
  and(eq(stockOnHand.integration, integration), eq(stockOnHand.accountId, accountId));

/** Inserts or updates stock lines by (integration, accountId, productCode, warehouseCode). Last duplicate wins. */
export function upsertStockOnHand(tx: Executor, rows: readonly StockOnHandRow[]): Promise<UpsertResult> {
  const unique = lastPerKey(rows, (r) => JSON.stringify([r.integration, r.accountId, r.productCode, r.warehouseCode]));
  return upsertInChunks(unique, (part) =>
    tx
      .insert(stockOnHand)
      .values(part)
      .onConflictDoUpdate({
        target: [stockOnHand.integration, stockOnHand.accountId, stockOnHand.productCode, stockOnHand.warehouseCode],
        set: { ...setFromExcluded(stockOnHand, ['integration', 'accountId', 'productCode', 'warehouseCode']), syncedAt: sql`now()` },
      })
      .returning({ inserted: wasInserted }),
  );
}

/** Removes every stock line of one account (before a full resync writes them all again). */
export async function clearStockOnHand(tx: Executor, integration: string, accountId: string): Promise<void> {
  await tx.delete(stockOnHand).where(account(integration, accountId));
}

/** The stored stock lines of one account, by product then warehouse. */
export function listStockOnHand(tx: Executor, integration: string, accountId: string): Promise<StockOnHand[]> {
  return tx
    .select()
    .from(stockOnHand)
    .where(account(integration, accountId))
    .orderBy(asc(stockOnHand.productCode), asc(stockOnHand.warehouseCode));
}

/** Inserts or updates product stock levels by (integration, accountId, productCode). Last duplicate wins. */
export function upsertProductStockLevels(tx: Executor, rows: readonly ProductStockLevelsRow[]): Promise<UpsertResult> {
  const unique = lastPerKey(rows, (r) => JSON.stringify([r.integration, r.accountId, r.productCode]));
  return upsertInChunks(unique, (part) =>
    tx
      .insert(productStockLevels)
      .values(part)
      .onConflictDoUpdate({
        target: [productStockLevels.integration, productStockLevels.accountId, productStockLevels.productCode],
        set: { ...setFromExcluded(productStockLevels, ['integration', 'accountId', 'productCode']), syncedAt: sql`now()` },
      })
      .returning({ inserted: wasInserted }),
  );
}

/** The stored product stock levels of one account, by product. */
export function listProductStockLevels(tx: Executor, integration: string, accountId: string): Promise<ProductStockLevelsStored[]> {
  return tx
    .select()
    .from(productStockLevels)
    .where(and(eq(productStockLevels.integration, integration), eq(productStockLevels.accountId, accountId)))
    .orderBy(asc(productStockLevels.productCode));
}
