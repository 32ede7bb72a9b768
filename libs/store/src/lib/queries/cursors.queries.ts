import { and, eq, sql } from 'drizzle-orm';

import type { Executor } from '../database/database.types';
import { syncCursors } from '../schema';

/** The stored cursor of one account, or null when it has never synced (or after `clearCursor`). */
export async function getCursor(tx: Executor, integration: string, accountId: string): Promise<string | null> {
  const rows = await tx
    .select({ cursor: syncCursors.cursor })
    .from(syncCursors)
    .where(and(eq(syncCursors.integration, integration), eq(syncCursors.accountId, accountId)))
    .limit(1);
  return rows[0]?.cursor ?? null;
}

/** Stores the cursor of one account, replacing any previous one. Call it in the transaction that stores the rows. */
export async function setCursor(tx: Executor, integration: string, accountId: string, cursor: string): Promise<void> {
  await tx
    .insert(syncCursors)
    .values({ integration, accountId, cursor })
    .onConflictDoUpdate({
      target: [syncCursors.integration, syncCursors.accountId],
      set: { cursor, updatedAt: sql`now()` },
    });
}

/** Forgets the cursor of one account so its next sync is a full resync. Does nothing when none is stored. */
export async function clearCursor(tx: Executor, integration: string, accountId: string): Promise<void> {
  await tx
    .delete(syncCursors)
    .where(and(eq(syncCursors.integration, integration), eq(syncCursors.accountId, accountId)));
}
