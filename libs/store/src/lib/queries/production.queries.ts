import { and, asc, eq, sql } from 'drizzle-orm';

import type { Executor } from '../database/database.types';
import { assemblyJobs, forecasts, type ForecastPoint } from '../schema';
import { lastPerKey, setFromExcluded, upsertInChunks, wasInserted, type UpsertResult } from './upsert';

export type AssemblyJobRow = Omit<typeof assemblyJobs.$inferInsert, 'syncedAt'>;
export type AssemblyJob = typeof assemblyJobs.$inferSelect;
export type Forecast = typeof forecasts.$inferSelect;

/** Inserts or updates assembly jobs by (integration, accountId, externalId). Last duplicate wins. */
export function upsertAssemblyJobs(tx: Executor, rows: readonly AssemblyJobRow[]): Promise<UpsertResult> {
  const unique = lastPerKey(rows, (row) => JSON.stringify([row.integration, row.accountId, row.externalId]));
  return upsertInChunks(unique, (part) =>
    tx
      .insert(assemblyJobs)
      .values(part)
      .onConflictDoUpdate({
        target: [assemblyJobs.integration, assemblyJobs.accountId, assemblyJobs.externalId],
        set: { ...setFromExcluded(assemblyJobs, ['integration', 'accountId', 'externalId']), syncedAt: sql`now()` },
      })
      .returning({ inserted: wasInserted }),
  );
}

/** Stored assembly jobs of one account, by external id. */
export function listAssemblyJobs(tx: Executor, integration: string, accountId: string): Promise<AssemblyJob[]> {
  return tx
    .select()
    .from(assemblyJobs)
    .where(and(eq(assemblyJobs.integration, integration), eq(assemblyJobs.accountId, accountId)))
    .orderBy(asc(assemblyJobs.externalId));
}

export interface ForecastInput {
  jobId: string;
  sku: string;
  horizonDays: number;
  points: ForecastPoint[];
}

/** Stores the forecast of one SKU for a job; saving the same (jobId, sku) again replaces it. */
export async function saveForecast(tx: Executor, forecast: ForecastInput): Promise<void> {
  await tx
    .insert(forecasts)
    .values(forecast)
    .onConflictDoUpdate({
      target: [forecasts.jobId, forecasts.sku],
      set: { horizonDays: forecast.horizonDays, points: forecast.points, createdAt: sql`now()` },
    });
}

/** The forecasts of one job, by SKU. Empty for an unknown job. */
export function listForecasts(tx: Executor, jobId: string): Promise<Forecast[]> {
  return tx.select().from(forecasts).where(eq(forecasts.jobId, jobId)).orderBy(asc(forecasts.sku));
}
