import { randomUUID } from 'node:crypto';

import { and, desc, eq, inArray, sql } from 'drizzle-orm';

import type { Executor } from '../database/database.types';
import { syncRuns, type SyncRunCounters, type SyncRunError, type SyncRunStatus } from '../schema';

export type SyncRun = typeof syncRuns.$inferSelect;

export interface StartRunInput {
  integration: string;
  /** Default: a random UUID. */
  id?: string;
  startedAt?: Date;
}

export interface FinishRunInput {
  status: Exclude<SyncRunStatus, 'running'>;
  counters?: SyncRunCounters;
  /** A serialised, redacted error; never a raw Error (it may carry secrets). */
  error?: SyncRunError;
  finishedAt?: Date;
}

/** Records a run as `running` and returns it. @throws on a duplicate `id`. */
export async function startRun(tx: Executor, input: StartRunInput): Promise<SyncRun> {
  const [run] = await tx
    .insert(syncRuns)
    .values({ id: input.id ?? randomUUID(), integration: input.integration, startedAt: input.startedAt })
    .returning();
  return run;
}

/**
 * Marks a running run finished. Returns the updated run, or null when no run with `id` is still
 * `running` (unknown id, or already finished: a run is finished once).
 */
export async function finishRun(tx: Executor, id: string, input: FinishRunInput): Promise<SyncRun | null> {
  const [run] = await tx
    .update(syncRuns)
    .set({
      status: input.status,
      counters: input.counters ?? {},
      error: input.error ?? null,
      finishedAt: input.finishedAt ?? sql`now()`,
    })
    .where(and(eq(syncRuns.id, id), eq(syncRuns.status, 'running')))
    .returning();
  return run ?? null;
}

export interface ListRunsOptions {
  integration?: string;
  /** Default 20. */
  limit?: number;
}

/** Runs newest first (by `startedAt`, then `id`), optionally of one integration. */
export function listRuns(tx: Executor, options: ListRunsOptions = {}): Promise<SyncRun[]> {
  return tx
    .select()
    .from(syncRuns)
    .where(options.integration === undefined ? undefined : eq(syncRuns.integration, options.integration))
    .orderBy(desc(syncRuns.startedAt), desc(syncRuns.id))
    .limit(options.limit ?? 20);
}

/**
 * Marks every `running` run of `integration` as `abandoned` (finished now, error `ABANDONED`).
 * Call it only while holding the integration's sync lock, so no live run is touched.
 * @returns how many runs were marked.
 */
export async function markAbandonedRuns(tx: Executor, integration: string): Promise<number> {
  const rows = await tx
    .update(syncRuns)
    .set({
      status: 'abandoned',
      finishedAt: sql`now()`,
      error: { code: 'ABANDONED', message: 'the process running this sync stopped before it finished' },
    })
    .where(and(eq(syncRuns.integration, integration), eq(syncRuns.status, 'running')))
    .returning({ id: syncRuns.id });
  return rows.length;
}

/** The newest run of `integration` with one of `statuses`, or null. */
export async function latestRun(tx: Executor, integration: string, statuses?: readonly SyncRunStatus[]): Promise<SyncRun | null> {
  const [run] = await tx
    .select()
    .from(syncRuns)
    .where(and(eq(syncRuns.integration, integration), statuses ? inArray(syncRuns.status, [...statuses]) : undefined))
    .orderBy(desc(syncRuns.startedAt), desc(syncRuns.id))
    .limit(1);
  return run ?? null;
}
