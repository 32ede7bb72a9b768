import { execFileSync } from 'node:child_process';

import { type Database, openDatabase } from '@ops/store';
import { describeWithPostgres, scanText, secretNeedles } from '@ops/store/testing';

import { figuresOf, sorted } from './test/unleashed-figures';
import { type Harness, payloadsOf, REFERENCE_DATE, startHarness } from './test/unleashed-harness';

/** The same sync on Postgres: figures, exactly the changed pairs, and a pg_dump free of the key and signatures. */
describeWithPostgres('Unleashed sync against the API sandbox, store on Postgres', (pg) => {
  let database: Database;
  let harness: Harness;
  beforeAll(async () => {
    database = await openDatabase({ databaseUrl: pg.url });
    harness = await startHarness(database, { seed: 23 });
  });
  afterAll(async () => {
    await harness?.close();
    await database?.close();
  });

  it('reports the dataset figures, then inventory:update for exactly the changed pairs; the dump holds no secret', async () => {
    expect(await harness.run()).toMatchObject({ status: 'succeeded' });
    const [first] = payloadsOf(harness.events, 'unleashed:sync_completed');
    expect(figuresOf(first)).toEqual(sorted(harness.sandbox.expected(new Date(REFERENCE_DATE))));

    harness.clock.now = new Date('2026-12-01T12:00:00Z');
    const batch = harness.sandbox.applyChanges();
    const before = harness.events.length;
    expect(await harness.run()).toMatchObject({ status: 'succeeded' });
    const events = harness.events.slice(before);
    expect(payloadsOf(events, 'inventory:update').map((u) => `${u.sku}@${u.location}`).sort()).toEqual([...batch.changedPairs].sort());
    expect(figuresOf(payloadsOf(events, 'unleashed:sync_completed')[0])).toEqual(sorted(harness.sandbox.expected(harness.clock.now)));

    const signatures = [...new Set(harness.sandbox.requests.map((r) => r.headers['api-auth-signature'] ?? ''))];
    const needles = secretNeedles({ 'api key': [harness.sandbox.apiKey], signature: signatures });
    const dump = execFileSync('pg_dump', ['--dbname', pg.url], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    expect(scanText(dump, needles)).toEqual([]);
    // Not vacuous: the dump holds the stock lines the sync stored.
    expect(dump).toContain(batch.changedPairs[0]?.split('@')[0]);
  });
});
