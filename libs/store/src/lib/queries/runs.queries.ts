import { randomUUID } from 'node:crypto';

import { and, desc, eq, sql } from 'drizzle-orm';

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
