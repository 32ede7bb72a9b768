import { countAppliedMigrations, readJournalEntries } from '../test/journal';
import { describeWithPostgres } from '../test/postgres';
import { gate } from '../test/suites/locks.suite';
import { storeSuites } from '../test/suites/store.suites';
import type { Database } from './database/database.types';
import { MIGRATIONS_DIR } from './database/migrations-dir';
import { openDatabase } from './database/open-database';

describeWithPostgres('store on Postgres', (pg) => {
  let database: Database | undefined;
  const current = (): Database => {
    if (!database) throw new Error('database not open');
    return database;
  };

  beforeAll(async () => {
    database = await openDatabase({ databaseUrl: pg.url });
  });

  afterAll(async () => {
    await database?.close();
  });

  it('applies every migration on a fresh database, and re-opening applies nothing', async () => {
    expect(current().kind).toBe('postgres');
    const reopened = await openDatabase({ databaseUrl: pg.url });
    try {
      expect(await countAppliedMigrations(reopened.db)).toBe(readJournalEntries(MIGRATIONS_DIR).length);
    } finally {
      await reopened.close();
      await reopened.close();
    }
  });

  it('withLock excludes a second Database instance (another process) holding the same key', async () => {
    const other = await openDatabase({ databaseUrl: pg.url, maxConnections: 2 });
    try {
      const holding = gate();
      const first = current().withLock('sync:unleashed', async () => {
        await holding.opened;
        return 'held';
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await other.withLock('sync:unleashed', async () => 'other')).toEqual({ acquired: false });
      holding.open();
      expect(await first).toEqual({ acquired: true, value: 'held' });
      expect(await other.withLock('sync:unleashed', async () => 'other')).toEqual({ acquired: true, value: 'other' });
    } finally {
      await other.close();
    }
  });

  storeSuites(current);
});
