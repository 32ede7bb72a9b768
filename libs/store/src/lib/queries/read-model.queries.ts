import type { Envelope, EventType } from '@ops/sse-events';

import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';

import type { Executor } from '../database/database.types';
import { balanceSheetSnapshots, forecastJobs, outbox } from '../schema';
import type { BalanceSheetSnapshot } from './balance-sheet.queries';
import type { ForecastJob } from './forecast-jobs.queries';

/**
 * The latest stored event of each listed type per account (`envelope.source.account`) of one
 * integration (`stream`), published or not: the figures a worker committed with its data. The
 * latest is the last `occurredAt`, then the last row written.
 */
export async function latestEventsByAccount<T extends EventType>(tx: Executor, stream: string, types: readonly T[]): Promise<Envelope<T>[]> {
  if (types.length === 0) return [];
  const type = sql`${outbox.envelope} ->> 'type'`;
  const account = sql`${outbox.envelope} -> 'source' ->> 'account'`;
  const rows = await tx
    .selectDistinctOn([type, account], { envelope: outbox.envelope })
    .from(outbox)
    .where(and(eq(outbox.stream, stream), inArray(type, [...types])))
    .orderBy(type, account, desc(sql`${outbox.envelope} ->> 'occurredAt'`), desc(outbox.createdAt), desc(outbox.id));
  return rows.map((row) => row.envelope as Envelope<T>);
}

/** Every stored balance sheet of an integration, by tenant then report date (oldest first). */
export function listBalanceSheetSnapshots(tx: Executor, integration: string): Promise<BalanceSheetSnapshot[]> {
  return tx
    .select()
    .from(balanceSheetSnapshots)
    .where(eq(balanceSheetSnapshots.integration, integration))
    .orderBy(asc(balanceSheetSnapshots.tenantId), asc(balanceSheetSnapshots.asOf));
}

/** The job of a status that finished (or was requested) last, or null. */
export async function latestForecastJobWithStatus(tx: Executor, statuses: readonly string[]): Promise<ForecastJob | null> {
  const rows = await tx
    .select()
    .from(forecastJobs)
    .where(inArray(forecastJobs.status, [...statuses]))
    .orderBy(desc(sql`coalesce(${forecastJobs.finishedAt}, ${forecastJobs.requestedAt})`), desc(forecastJobs.id))
    .limit(1);
  return rows[0] ?? null;
}
