import { and, desc, eq, sql } from 'drizzle-orm';

import type { Executor } from '../database/database.types';
import { balanceSheetSnapshots } from '../schema';

export type BalanceSheetSnapshotRow = Omit<typeof balanceSheetSnapshots.$inferInsert, 'syncedAt'>;
export type BalanceSheetSnapshot = typeof balanceSheetSnapshots.$inferSelect;

/**
 * Stores a balance sheet for (integration, tenantId, asOf); saving the same date again replaces
 * its figures and currency. Figures are decimal strings.
 */
export async function saveBalanceSheetSnapshot(tx: Executor, row: BalanceSheetSnapshotRow): Promise<void> {
  await tx
    .insert(balanceSheetSnapshots)
    .values(row)
    .onConflictDoUpdate({
      target: [balanceSheetSnapshots.integration, balanceSheetSnapshots.tenantId, balanceSheetSnapshots.asOf],
      set: { currency: row.currency, figures: row.figures, syncedAt: sql`now()` },
    });
}

/** The snapshot with the latest `asOf` for one tenant, or null when none is stored. */
export async function getLatestBalanceSheetSnapshot(
  tx: Executor,
  integration: string,
  tenantId: string,
): Promise<BalanceSheetSnapshot | null> {
  const rows = await tx
    .select()
    .from(balanceSheetSnapshots)
    .where(and(eq(balanceSheetSnapshots.integration, integration), eq(balanceSheetSnapshots.tenantId, tenantId)))
    .orderBy(desc(balanceSheetSnapshots.asOf))
    .limit(1);
  return rows[0] ?? null;
}
