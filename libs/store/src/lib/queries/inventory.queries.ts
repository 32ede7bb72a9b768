import { and, asc, eq } from 'drizzle-orm';

import type { Executor } from '../database/database.types';
import { inventorySnapshots } from '../schema';
import { chunk, lastPerKey } from './upsert';

/** One stored level; `quantity` is a decimal string as the source gave it (`"12"`, `"2.5"`). */
export interface InventoryLevel {
  sku: string;
  location: string;
  quantity: string;
  observedAt: Date;
}

/** The current snapshot of one account, by SKU then location. Empty when never synced. */
export function getInventorySnapshot(tx: Executor, integration: string, accountId: string): Promise<InventoryLevel[]> {
  return tx
    .select({
      sku: inventorySnapshots.sku,
      location: inventorySnapshots.location,
      quantity: inventorySnapshots.quantity,
      observedAt: inventorySnapshots.observedAt,
    })
    .from(inventorySnapshots)
    .where(and(eq(inventorySnapshots.integration, integration), eq(inventorySnapshots.accountId, accountId)))
    .orderBy(asc(inventorySnapshots.sku), asc(inventorySnapshots.location));
}

/**
 * Replaces the whole snapshot of one account with `rows` (SKU/location pairs missing from `rows`
 * are removed; a repeated pair keeps the last row) and returns the previous snapshot, for change
 * detection. Run it inside the sync's transaction (and under its lock) so concurrent replaces of
 * the same account cannot interleave. An empty `rows` clears the account's snapshot.
 */
export async function replaceInventorySnapshot(
  tx: Executor,
  integration: string,
  accountId: string,
  rows: readonly InventoryLevel[],
): Promise<InventoryLevel[]> {
  const previous = await getInventorySnapshot(tx, integration, accountId);
  await tx
    .delete(inventorySnapshots)
    .where(and(eq(inventorySnapshots.integration, integration), eq(inventorySnapshots.accountId, accountId)));
  const unique = lastPerKey(rows, (row) => JSON.stringify([row.sku, row.location]));
  for (const part of chunk(unique)) {
    await tx.insert(inventorySnapshots).values(part.map((row) => ({ ...row, integration, accountId })));
  }
  return previous;
}
