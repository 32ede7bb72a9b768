import type { Database, OpenDatabaseOptions } from './database.types';
import { resolveMigrationsDir } from './migrations-dir';
import { openPglite } from './pglite.connection';
import { openPostgres } from './postgres.connection';

/**
 * Opens the store and applies pending migrations (re-opening an up-to-date database applies
 * nothing). With `databaseUrl`: Postgres through a `pg` pool. Without it: embedded PGlite, in
 * memory when `inMemory`, else file-backed under `dataDir` (default `./data/pglite`).
 * An empty `databaseUrl` counts as absent.
 * @throws when the migrations folder is missing, the database is unreachable or a migration fails;
 * nothing is left open in that case.
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const migrationsDir = resolveMigrationsDir(options.migrationsDir);
  if (options.databaseUrl) {
    return openPostgres({ databaseUrl: options.databaseUrl, migrationsDir, maxConnections: options.maxConnections });
  }
  return openPglite({ dataDir: options.dataDir, inMemory: options.inMemory, migrationsDir });
}
