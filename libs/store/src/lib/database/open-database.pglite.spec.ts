import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { countAppliedMigrations, readJournalEntries } from '../../test/journal';
import { getCursor, setCursor } from '../queries/cursors.queries';
import { MIGRATIONS_DIR } from './migrations-dir';
import { openDatabase } from './open-database';

describe('openDatabase with file-backed PGlite', () => {
  const root = mkdtempSync(join(tmpdir(), 'store-pglite-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('creates the data dir, migrates a fresh store, and re-opens it without migrating again', async () => {
    const dataDir = join(root, 'nested', 'pglite');
    const first = await openDatabase({ dataDir });
    expect(first.kind).toBe('pglite');
    const migrations = readJournalEntries(MIGRATIONS_DIR).length;
    expect(await countAppliedMigrations(first.db)).toBe(migrations);
    await setCursor(first.db, 'shopify', 'uk', 'kept-across-restarts');
    await first.close();
    await first.close();

    const reopened = await openDatabase({ dataDir });
    try {
      expect(await countAppliedMigrations(reopened.db)).toBe(migrations);
      expect(await getCursor(reopened.db, 'shopify', 'uk')).toBe('kept-across-restarts');
    } finally {
      await reopened.close();
    }
  });

  it('rejects a migrations folder without a journal before opening anything', async () => {
    await expect(openDatabase({ inMemory: true, migrationsDir: root })).rejects.toThrow(/store migrations not found/);
  });
});
