import { sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';

import type { Executor } from '../database/database.types';

/** Rows a table must gain before its first refresh. */
const FIRST_REFRESH = 1000;

/**
 * Keeps planner statistics current during bulk loads. A fresh table is planned as empty, and plans
 * built then (the foreign-key checks' among them) keep scanning it whole while it grows (measured:
 * a 500-line insert took 200 ms at 60k orders and rising, 56 ms after ANALYZE), and autovacuum
 * catches up only a minute or more later. So after rows were inserted, a table that has changed by
 * as many rows as the planner believes it holds (and at least 1,000) is analysed: about log2(n)
 * cheap ANALYZEs for n rows. The counters are Postgres' own, so this holds across processes.
 */
export async function noteInserted(tx: Executor, table: PgTable, inserted: number): Promise<void> {
  if (inserted === 0) return;
  const name = getTableConfig(table).name;
  const { rows } = (await tx.execute(sql`
    select greatest(c.reltuples, 0)::float8 as tuples, s.n_mod_since_analyze::float8 as modified
    from pg_class c join pg_stat_user_tables s on s.relid = c.oid
    where c.oid = to_regclass(${name})`)) as unknown as { rows: { tuples: number; modified: number }[] };
  const row = rows[0];
  if (row && Number(row.modified) + inserted >= Math.max(FIRST_REFRESH, Number(row.tuples))) {
    await tx.execute(sql`analyze ${sql.identifier(name)}`);
  }
}
