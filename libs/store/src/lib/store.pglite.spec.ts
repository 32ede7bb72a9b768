import { storeSuites } from '../test/suites/store.suites';
import type { Database } from './database/database.types';
import { openDatabase } from './database/open-database';

describe('store on PGlite (in memory)', () => {
  let database: Database | undefined;

  beforeAll(async () => {
    database = await openDatabase({ inMemory: true });
  });

  afterAll(async () => {
    await database?.close();
  });

  it('opens the embedded driver', () => {
    expect(current().kind).toBe('pglite');
  });

  const current = (): Database => {
    if (!database) throw new Error('database not open');
    return database;
  };
  storeSuites(current);
});
