import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

import type { Executor } from '../database/database.types';
import { noteInserted } from './table-statistics';

/** Rows per INSERT statement: well under Postgres' 65,535 bind parameters for our widest table. */
export const UPSERT_CHUNK_SIZE = 500;

/** What an upsert did: rows newly inserted, rows updated, rows skipped as older than the stored row. */
export interface UpsertResult {
  inserted: number;
  updated: number;
  skipped: number;
}

/** Selected in `RETURNING`: true when the row was inserted rather than updated (`xmax = 0`). */
export const wasInserted = sql<boolean>`(xmax = 0)`;

/** Splits `rows` into consecutive chunks of at most `size`. An empty list gives no chunks. */
export function chunk<T>(rows: readonly T[], size: number = UPSERT_CHUNK_SIZE): T[][] {
  if (size < 1) throw new RangeError(`chunk size must be >= 1, got ${size}`);
  const chunks: T[][] = [];
  for (let start = 0; start < rows.length; start += size) chunks.push(rows.slice(start, start + size));
  return chunks;
}

/**
 * Keeps one row per key, the last one given, in first-seen order. One INSERT ... ON CONFLICT
 * cannot touch the same row twice, so a batch must not repeat a key.
 */
export function lastPerKey<T>(rows: readonly T[], keyOf: (row: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return [...byKey.values()];
}

/** `SET col = excluded.col` for every column of `table` except `keep` (property names). */
export function setFromExcluded<T extends PgTable>(table: T, keep: readonly string[]): Record<string, SQL> {
  const set: Record<string, SQL> = {};
  for (const [property, column] of Object.entries(getTableColumns(table))) {
    if (!keep.includes(property)) set[property] = sql`excluded.${sql.identifier(column.name)}`;
  }
  return set;
}

/**
 * Writes `rows` chunk by chunk with `write`, which returns one `{ inserted }` flag per row it
 * inserted or updated, and totals them. Rows `write` did not return count as skipped. With
 * `stats`, the table's growth is noted so its planner statistics stay current (see `noteInserted`).
 */
export async function upsertInChunks<T>(
  rows: readonly T[],
  write: (rows: T[]) => Promise<ReadonlyArray<{ inserted: boolean }>>,
  stats?: { tx: Executor; table: PgTable },
): Promise<UpsertResult> {
  const result: UpsertResult = { inserted: 0, updated: 0, skipped: 0 };
  for (const part of chunk(rows)) {
    const written = await write(part);
    const inserted = written.filter((row) => row.inserted).length;
    result.inserted += inserted;
    result.updated += written.length - inserted;
    result.skipped += part.length - written.length;
  }
  if (stats) await noteInserted(stats.tx, stats.table, result.inserted);
  return result;
}
