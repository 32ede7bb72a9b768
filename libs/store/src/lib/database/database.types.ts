import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';

import type * as schema from '../schema';

export type StoreSchema = typeof schema;

/** The drizzle database, typed with the store schema; the same type for PGlite and Postgres. */
export type StoreDb = PgDatabase<PgQueryResultHKT, StoreSchema>;

/** A transaction handle, as passed to `Database.transaction` callbacks. */
export type StoreTx = PgTransaction<PgQueryResultHKT, StoreSchema, ExtractTablesWithRelations<StoreSchema>>;

/**
 * What every query function takes: the database itself or a transaction (a transaction is a
 * `StoreDb` too), so a worker can compose several queries in one transaction.
 */
export type Executor = StoreDb;

/** The outcome of `withLock`: the callback's value, or `acquired: false` when another holder has the key. */
export type LockResult<T> = { acquired: true; value: T } | { acquired: false };

/** An open store: one connection (PGlite) or a pool (Postgres), with migrations applied. */
export interface Database {
  /** Drizzle over the connection. Use it for queries outside a transaction. */
  readonly db: StoreDb;
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws (the
   * error is rethrown). On PGlite other queries wait until the transaction ends.
   */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` only if no other holder has `key`, without waiting. Postgres: a session advisory
   * lock (`pg_try_advisory_lock(hashtext(key))`) on one pooled connection kept for the duration,
   * so it excludes other processes and replicas; it is released when `fn` settles, or by the
   * server if the process dies. Two keys with equal `hashtext` exclude each other.
   * PGlite: an in-process mutex per key (PGlite is single-process).
   * An error from `fn` is rethrown after the lock is released.
   */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<LockResult<T>>;
  /** Closes the connection or pool. Calling it again does nothing. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A `postgres://` URL: use Postgres. Without it the embedded PGlite store is used. */
  databaseUrl?: string;
  /** PGlite data directory, created if missing. Default `./data/pglite` (relative to the working directory). */
  dataDir?: string;
  /** PGlite in memory, nothing written to disk (tests). Ignored with `databaseUrl`. */
  inMemory?: boolean;
  /**
   * Folder holding the drizzle migrations (`meta/_journal.json`). Default: see `resolveMigrationsDir`.
   * Bundled apps copy `libs/store/migrations` as a build asset and pass its path (or put it next to main.js).
   */
  migrationsDir?: string;
  /** Postgres pool size. Default 10. `withLock` holds one connection while its callback runs. */
  maxConnections?: number;
}
