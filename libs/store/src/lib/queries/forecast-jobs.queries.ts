import { and, asc, eq, inArray, sql } from 'drizzle-orm';

import type { Executor } from '../database/database.types';
import { forecastJobs, forecastResults } from '../schema';
import { chunk } from './upsert';

export type ForecastJob = typeof forecastJobs.$inferSelect;
export type NewForecastJob = Pick<typeof forecastJobs.$inferInsert, 'id' | 'scopeKey' | 'scope' | 'trigger'>;
export type ForecastResult = typeof forecastResults.$inferSelect;
export type NewForecastResult = Omit<typeof forecastResults.$inferInsert, 'createdAt'>;

export const ACTIVE_FORECAST_STATUSES = ['queued', 'running'] as const;

/**
 * Records a `queued` job, unless a job of the same scope is queued or running already.
 * @returns the new job, or `null` when the scope has an active job (find it with {@link findActiveForecastJob}).
 */
export async function insertForecastJob(tx: Executor, job: NewForecastJob): Promise<ForecastJob | null> {
  const rows = await tx
    .insert(forecastJobs)
    .values({ ...job, status: 'queued' })
    .onConflictDoNothing()
    .returning();
  return rows[0] ?? null;
}

/** The queued or running job of a scope, or null. */
export async function findActiveForecastJob(tx: Executor, scopeKey: string): Promise<ForecastJob | null> {
  const rows = await tx
    .select()
    .from(forecastJobs)
    .where(and(eq(forecastJobs.scopeKey, scopeKey), inArray(forecastJobs.status, [...ACTIVE_FORECAST_STATUSES])))
    .limit(1);
  return rows[0] ?? null;
}

export async function getForecastJob(tx: Executor, id: string): Promise<ForecastJob | null> {
  const rows = await tx.select().from(forecastJobs).where(eq(forecastJobs.id, id)).limit(1);
  return rows[0] ?? null;
}

export type ForecastJobPatch = Partial<
  Pick<ForecastJob, 'status' | 'stage' | 'progress' | 'startedAt' | 'finishedAt' | 'error' | 'summary'>
>;

export async function updateForecastJob(tx: Executor, id: string, patch: ForecastJobPatch): Promise<void> {
  await tx.update(forecastJobs).set(patch).where(eq(forecastJobs.id, id));
}

/**
 * Asks an active job to stop (the process running it sees the flag at its next check).
 * @returns false when the job is unknown or has finished already.
 */
export async function requestForecastCancel(tx: Executor, id: string): Promise<boolean> {
  const rows = await tx
    .update(forecastJobs)
    .set({ cancelRequested: true })
    .where(and(eq(forecastJobs.id, id), inArray(forecastJobs.status, [...ACTIVE_FORECAST_STATUSES])))
    .returning({ id: forecastJobs.id });
  return rows.length > 0;
}

/** Every queued or running job (in any process). */
export function listActiveForecastJobs(tx: Executor): Promise<ForecastJob[]> {
  return tx
    .select()
    .from(forecastJobs)
    .where(inArray(forecastJobs.status, [...ACTIVE_FORECAST_STATUSES]))
    .orderBy(asc(forecastJobs.requestedAt));
}

/**
 * Marks a job left queued or running by a process that stopped as `failed` (code `abandoned`), so
 * its scope can run again. Call only while holding the scope's lock (no live process runs it).
 */
export async function markForecastJobAbandoned(tx: Executor, id: string): Promise<boolean> {
  const rows = await tx
    .update(forecastJobs)
    .set({
      status: 'failed',
      finishedAt: sql`now()`,
      error: { code: 'abandoned', message: 'the process running this job stopped before it finished' },
    })
    .where(and(eq(forecastJobs.id, id), inArray(forecastJobs.status, [...ACTIVE_FORECAST_STATUSES])))
    .returning({ id: forecastJobs.id });
  return rows.length > 0;
}

/** Stores per-SKU results of a job (in chunks; a job's SKUs are unique). */
export async function insertForecastResults(tx: Executor, rows: readonly NewForecastResult[]): Promise<void> {
  for (const part of chunk(rows, 200)) await tx.insert(forecastResults).values(part);
}

/** A job's results by SKU. */
export function listForecastResults(tx: Executor, jobId: string): Promise<ForecastResult[]> {
  return tx.select().from(forecastResults).where(eq(forecastResults.jobId, jobId)).orderBy(asc(forecastResults.sku));
}
