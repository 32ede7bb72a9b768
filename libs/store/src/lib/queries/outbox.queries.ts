import type { Envelope } from '@ops/sse-events';

import { and, asc, count, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';

import type { Executor } from '../database/database.types';
import { outbox } from '../schema';
import { chunk } from './upsert';

/** An unpublished outbox row. */
export interface OutboxEntry {
  id: string;
  envelope: Envelope;
  attempts: number;
  createdAt: Date;
}

/** Longest `last_error` stored; longer messages are cut. */
export const OUTBOX_ERROR_MAX_LENGTH = 2000;

/**
 * Adds envelopes to the outbox, keyed by envelope id. Call it in the transaction that stores the
 * state the events describe. An id already present (or repeated in `envelopes`) is ignored.
 * @returns how many rows were added.
 */
export async function enqueueOutbox(tx: Executor, envelopes: readonly Envelope[]): Promise<number> {
  let added = 0;
  for (const part of chunk(envelopes)) {
    const rows = await tx
      .insert(outbox)
      .values(part.map((envelope) => ({ id: envelope.id, envelope })))
      .onConflictDoNothing({ target: outbox.id })
      .returning({ id: outbox.id });
    added += rows.length;
  }
  return added;
}

/**
 * Up to `limit` unpublished entries, oldest first (`createdAt`, then `id`), including ones that
 * failed before. It does not lock rows: run one relay per database (e.g. under `withLock`).
 */
export function claimUnpublished(tx: Executor, limit: number): Promise<OutboxEntry[]> {
  return tx
    .select({ id: outbox.id, envelope: outbox.envelope, attempts: outbox.attempts, createdAt: outbox.createdAt })
    .from(outbox)
    .where(isNull(outbox.publishedAt))
    .orderBy(asc(outbox.createdAt), asc(outbox.id))
    .limit(limit);
}

/** Marks entries published. Unknown or already published ids are ignored. @returns rows changed. */
export async function markPublished(tx: Executor, ids: readonly string[]): Promise<number> {
  let changed = 0;
  for (const part of chunk(ids)) {
    const rows = await tx
      .update(outbox)
      .set({ publishedAt: sql`now()` })
      .where(and(inArray(outbox.id, part), isNull(outbox.publishedAt)))
      .returning({ id: outbox.id });
    changed += rows.length;
  }
  return changed;
}

/**
 * Records a failed publish: increments `attempts` and stores `error` (cut to 2,000 characters;
 * pass a redacted message). The entry stays unpublished. An unknown id does nothing.
 */
export async function markFailed(tx: Executor, id: string, error: string): Promise<void> {
  await tx
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, lastError: error.slice(0, OUTBOX_ERROR_MAX_LENGTH) })
    .where(eq(outbox.id, id));
}

/** How many entries wait to be published. */
export async function countUnpublished(tx: Executor): Promise<number> {
  const [row] = await tx.select({ value: count() }).from(outbox).where(isNull(outbox.publishedAt));
  return row?.value ?? 0;
}

/** Deletes entries published before `before`; unpublished entries are never deleted. @returns rows deleted. */
export async function deletePublishedBefore(tx: Executor, before: Date): Promise<number> {
  const rows = await tx
    .delete(outbox)
    .where(and(isNotNull(outbox.publishedAt), lt(outbox.publishedAt, before)))
    .returning({ id: outbox.id });
  return rows.length;
}
