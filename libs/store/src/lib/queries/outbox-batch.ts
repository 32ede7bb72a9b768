import { sql } from 'drizzle-orm';

import type { Database, Executor } from '../database/database.types';
import { listPendingStreams, listUnpublished, markPublished, type OutboxEntry } from './outbox.queries';

/** One stream's oldest unpublished entries, in order, claimed under that stream's lock. */
export interface OutboxBatch {
  stream: string;
  entries: OutboxEntry[];
}

export interface PublishOutboxBatchOptions {
  /** Most entries in the batch. */
  limit: number;
}

/** Prefix of the in-process lock keys (PGlite) that guard a stream. */
const OUTBOX_STREAM_LOCK_PREFIX = 'ops-store:outbox:';

/**
 * Claims the oldest unpublished entries (up to `limit`) of one stream no other relay holds, hands
 * them to `publish`, and marks them published before the stream's lock is let go. So any number of
 * relays, in any number of processes, publish each entry once, and one stream's entries in order
 * (`createdAt`, then `id`), while different streams go in parallel. Streams are tried oldest
 * pending entry first; one held by another relay is skipped without waiting.
 *
 * - Postgres: one transaction (read committed) takes `pg_try_advisory_xact_lock` on the stream,
 *   reads its rows in a later statement (so it sees what the previous holder committed), publishes,
 *   marks and commits. The lock ends with the transaction, also when the process dies.
 * - PGlite: the stream's in-process lock (`withLock`), with no transaction held while `publish`
 *   runs, so a slow publisher does not stall the process's other queries. PGlite is one process
 *   per data directory, so an in-process lock excludes every relay that can reach the data.
 *
 * If `publish` throws, nothing is marked (the claim is rolled back), the lock is released and the
 * error is rethrown: the entries stay unpublished for the next try. Recording the failure
 * (`markFailed`) is the caller's separate write. If the process dies after `publish` and before
 * the mark commits, the batch is published again later: envelope ids let the receiver drop repeats.
 * @returns the batch that was published, or `undefined` when there was nothing to claim (the outbox
 * is empty or every stream with pending entries is held by another relay).
 */
export async function publishOutboxBatch(
  database: Database,
  publish: (batch: OutboxBatch) => Promise<void>,
  options: PublishOutboxBatchOptions,
): Promise<OutboxBatch | undefined> {
  if (options.limit < 1) throw new RangeError(`outbox batch limit must be >= 1, got ${options.limit}`);
  return database.kind === 'postgres'
    ? publishInLockedTransaction(database, publish, options.limit)
    : publishUnderProcessLock(database, publish, options.limit);
}

async function publishInLockedTransaction(
  database: Database,
  publish: (batch: OutboxBatch) => Promise<void>,
  limit: number,
): Promise<OutboxBatch | undefined> {
  return database.transaction(async (tx) => {
    // Each statement must see what committed before it: the row read below follows the lock.
    await tx.execute(sql`set transaction isolation level read committed`);
    for (const stream of await listPendingStreams(tx)) {
      if (!(await tryLockStream(tx, stream))) continue;
      const batch = await claimStream(tx, stream, limit);
      if (!batch) continue;
      await publish(batch);
      await markPublished(
        tx,
        batch.entries.map((entry) => entry.id),
      );
      return batch;
    }
    return undefined;
  });
}

async function publishUnderProcessLock(
  database: Database,
  publish: (batch: OutboxBatch) => Promise<void>,
  limit: number,
): Promise<OutboxBatch | undefined> {
  for (const stream of await listPendingStreams(database.db)) {
    const outcome = await database.withLock(`${OUTBOX_STREAM_LOCK_PREFIX}${stream}`, async () => {
      const batch = await claimStream(database.db, stream, limit);
      if (!batch) return undefined;
      await publish(batch);
      await markPublished(
        database.db,
        batch.entries.map((entry) => entry.id),
      );
      return batch;
    });
    if (outcome.acquired && outcome.value) return outcome.value;
  }
  return undefined;
}

/** The stream's oldest unpublished entries; `undefined` when another relay just published them all. */
async function claimStream(tx: Executor, stream: string, limit: number): Promise<OutboxBatch | undefined> {
  const entries = await listUnpublished(tx, { stream, limit });
  return entries.length > 0 ? { stream, entries } : undefined;
}

/**
 * A transaction-scoped advisory lock on the stream, without waiting. The two-key form keeps these
 * locks apart from `withLock`'s one-key locks (Postgres keeps the two key spaces separate).
 */
async function tryLockStream(tx: Executor, stream: string): Promise<boolean> {
  const { rows } = (await tx.execute(
    sql`select pg_try_advisory_xact_lock(hashtext('ops-store:outbox'), hashtext(${stream})) as locked`,
  )) as unknown as { rows: { locked: boolean }[] };
  return rows[0]?.locked === true;
}
