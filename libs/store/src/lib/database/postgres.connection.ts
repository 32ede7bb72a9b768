import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { Pool } from 'pg';

import * as schema from '../schema';
import { withAdvisoryLock, withBlockingAdvisoryLock } from './advisory-lock';
import type { Database, StoreDb } from './database.types';

/** Advisory-lock key serialising migrations across processes that open the same database. */
export const MIGRATION_LOCK_KEY = 'ops-store:migrate';

export interface PostgresOptions {
  databaseUrl: string;
  migrationsDir: string;
  maxConnections?: number;
}

/**
 * Opens a `pg` pool and applies pending migrations under an advisory lock (so replicas starting
 * together migrate once). A failed connection or migration ends the pool and rethrows.
 * Errors of idle pooled connections (server restart) are reported with `process.emitWarning`;
 * the pool drops that connection and opens a new one on the next query.
 */
export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const pool = new Pool({ connectionString: options.databaseUrl, max: options.maxConnections ?? 10 });
  pool.on('error', (error) => process.emitWarning(`store: idle Postgres connection failed: ${error.message}`));
  // A connection that dies while checked out (terminated backend) fails its query; without this
  // listener its 'error' event would also be unhandled and crash the process.
  pool.on('connect', (client) => client.on('error', (error) => process.emitWarning(`store: Postgres connection failed: ${error.message}`)));
  try {
    await withBlockingAdvisoryLock(pool, MIGRATION_LOCK_KEY, (client) =>
      migrate(drizzle({ client, schema }), { migrationsFolder: options.migrationsDir }),
    );
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db: StoreDb = drizzle({ client: pool, schema });
  let closing: Promise<void> | undefined;
  return {
    db,
    kind: 'postgres',
    transaction: (fn) => db.transaction(fn),
    withLock: (key, fn) => withAdvisoryLock(pool, key, fn),
    close: () => (closing ??= pool.end()),
  };
}
