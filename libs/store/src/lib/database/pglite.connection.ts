import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';

import * as schema from '../schema';
import type { Database, StoreDb } from './database.types';
import { KeyedMutex } from './keyed-mutex';

/** Where the embedded store lives when no `dataDir` is given, relative to the working directory. */
export const DEFAULT_DATA_DIR = './data/pglite';

export interface PgliteOptions {
  dataDir?: string;
  inMemory?: boolean;
  migrationsDir: string;
}

/**
 * Opens embedded PGlite (in memory, or file-backed under `dataDir`, created if missing) and applies
 * pending migrations. One process per data directory: PGlite does not guard against a second
 * process opening the same folder. A failed migration closes the client and rethrows.
 */
export async function openPglite(options: PgliteOptions): Promise<Database> {
  const client = options.inMemory ? new PGlite() : new PGlite(prepareDataDir(options.dataDir ?? DEFAULT_DATA_DIR));
  await client.waitReady;
  const pglite = drizzle({ client, schema });
  try {
    await migrate(pglite, { migrationsFolder: options.migrationsDir });
  } catch (error) {
    await client.close();
    throw error;
  }
  const db: StoreDb = pglite;
  const locks = new KeyedMutex();
  let closing: Promise<void> | undefined;
  return {
    db,
    kind: 'pglite',
    transaction: (fn) => db.transaction(fn),
    withLock: (key, fn) => locks.tryRun(key, fn),
    close: () => (closing ??= client.close()),
  };
}

function prepareDataDir(dataDir: string): string {
  const absolute = resolve(dataDir);
  mkdirSync(absolute, { recursive: true });
  return absolute;
}
