import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { sql } from 'drizzle-orm';

import type { StoreDb } from '../lib/database/database.types';

/** The migrations listed in a drizzle migrations folder's journal. */
export function readJournalEntries(migrationsDir: string): Array<{ tag: string }> {
  const journal = JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as {
    entries: Array<{ tag: string }>;
  };
  return journal.entries;
}

/** How many migrations drizzle has recorded as applied in this database. */
export async function countAppliedMigrations(db: StoreDb): Promise<number> {
  const [row] = await db.select({ applied: sql<number>`count(*)::int` }).from(sql`drizzle.__drizzle_migrations`);
  return row?.applied ?? 0;
}
