import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Database, listRuns, openDatabase } from '@ops/store';
import { scanFiles, scanText, secretNeedles } from '@ops/store/testing';

import { figuresOf, sorted } from './test/unleashed-figures';
import { type Harness, payloadsOf, REFERENCE_DATE, startHarness } from './test/unleashed-harness';

/**
 * Issue 11's acceptance: figures equal the sandbox dataset's (computed by the sandbox's own
 * integer arithmetic, not by this worker), `inventory:update` for exactly the pairs the sandbox
 * changed, a wrong key gives one auth `unleashed:sync_error` without retries, faults, and no key
 * or signature anywhere the run wrote.
 */

const WRONG_KEY = Buffer.from('not the key of this organisation').toString('base64');

describe('Unleashed sync against the API sandbox (PGlite on disk)', () => {
  let dir: string;
  let database: Database;
  let harness: Harness;
  const signatures = new Set<string>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'unleashed-sync-'));
    database = await openDatabase({ dataDir: join(dir, 'pglite') });
    harness = await startHarness(database);
  });
  afterAll(async () => {
    await harness?.close();
    await database?.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    for (const r of harness.sandbox.requests) if (r.headers['api-auth-signature']) signatures.add(r.headers['api-auth-signature']);
  });

  it('first run: signed, paged requests; figures equal the dataset; the snapshot is the baseline (no inventory:update)', async () => {
    const result = await harness.run();
    expect(result).toMatchObject({ status: 'succeeded' });
    const requests = harness.sandbox.requests;
    // 40 products / 15 = 3 pages, 30 assemblies / 15 = 2 pages, stock lines / 15 rounded up.
    const stockPages = Math.ceil(harness.sandbox.dataset.stock.length / 15);
    expect(requests.map((r) => `${r.resource}/${r.page}`)).toEqual([
      'Products/1', 'Products/2', 'Products/3',
      ...Array.from({ length: stockPages }, (_, i) => `StockOnHand/${i + 1}`),
      'Assemblies/1', 'Assemblies/2',
    ]);
    expect(requests.every((r) => r.status === 200 && r.query === 'pageSize=15')).toBe(true);
    expect(requests.every((r) => r.headers['client-type'] === 'ops/dashboard-tests' && r.headers['accept'] === 'application/json')).toBe(true);
    expect(result.status !== 'skipped' && result.counters['apiCalls']).toBe(requests.length);

    const [completed] = payloadsOf(harness.events, 'unleashed:sync_completed');
    expect(figuresOf(completed)).toEqual(sorted(harness.sandbox.expected(new Date(REFERENCE_DATE))));
    expect(completed.apiCalls).toBe(requests.length);
    expect(completed.alertCount).toBe(completed.alerts.length);
    // Not vacuous: the dataset has late jobs, jobs due, and alerts of both levels.
    expect(completed.production.late.count).toBeGreaterThan(0);
    expect(completed.production.dueNext7Days.count).toBeGreaterThan(0);
    expect(new Set(completed.alerts.map((a) => a.level))).toEqual(new Set(['reorder_point', 'min_stock_alert']));

    expect(payloadsOf(harness.events, 'inventory:update')).toEqual([]);
    expect(harness.events.every((e) => e.source.environment === 'sandbox' && e.source.system === 'unleashed')).toBe(true);
  });

  it('second run: modifiedSince from the first run, inventory:update for exactly the changed pairs', async () => {
    harness.clock.now = new Date('2026-12-01T09:00:00Z');
    const batch = harness.sandbox.applyChanges();
    expect(batch.changedPairs.length).toBeGreaterThan(0);
    harness.clock.now = new Date('2026-12-01T10:00:00Z');
    const before = harness.events.length;
    const seen = harness.sandbox.requests.length;

    const result = await harness.run();
    expect(result).toMatchObject({ status: 'succeeded' });
    const requests = harness.sandbox.requests.slice(seen);
    expect(requests.map((r) => r.query)).toEqual(requests.map(() => 'modifiedSince=2026-12-01&pageSize=15'));
    // Only what changed on the cursor's day comes back: one page each.
    expect(requests.map((r) => `${r.resource}/${r.page}`)).toEqual(['Products/1', 'StockOnHand/1', 'Assemblies/1']);

    const events = harness.events.slice(before);
    const updates = payloadsOf(events, 'inventory:update');
    expect(updates.map((u) => `${u.sku}@${u.location}`).sort()).toEqual([...batch.changedPairs].sort());
    expect(updates.every((u) => u.previousQuantity !== null && u.previousQuantity !== u.quantity)).toBe(true);

    const [completed] = payloadsOf(events, 'unleashed:sync_completed');
    expect(figuresOf(completed)).toEqual(sorted(harness.sandbox.expected(harness.clock.now)));
    expect(completed.apiCalls).toBe(3);
  });

  it('a third run with nothing changed emits no inventory:update', async () => {
    const before = harness.events.length;
    expect(await harness.run()).toMatchObject({ status: 'succeeded' });
    expect(payloadsOf(harness.events.slice(before), 'inventory:update')).toEqual([]);
    expect(payloadsOf(harness.events.slice(before), 'unleashed:sync_completed')).toHaveLength(1);
  });

  it('retries 5xx answers and counts every call', async () => {
    harness.sandbox.setFaults([{ kind: 'server_error', resource: 'StockOnHand', times: 2 }]);
    const seen = harness.sandbox.requests.length;
    const result = await harness.run();
    expect(result).toMatchObject({ status: 'succeeded', counters: { apiCalls: 5 } });
    expect(harness.sandbox.requests.slice(seen).map((r) => r.status)).toEqual([200, 503, 503, 200, 200]);
    harness.sandbox.setFaults([]);
  });

  it.each([
    ['malformed', 'MALFORMED_RESPONSE', 1],
    ['quota', 'QUOTA_EXHAUSTED', 1],
  ] as const)('a %s answer fails the run with one %s error and no retries', async (kind, code, stockCalls) => {
    harness.sandbox.setFaults([{ kind, resource: 'StockOnHand' }]);
    const seen = harness.sandbox.requests.length;
    const before = harness.events.length;
    // Products (one page of changes) succeeds first; the calls spent are recorded on the failed run.
    expect(await harness.run()).toMatchObject({ status: 'failed', counters: { apiCalls: 1 + stockCalls } });
    expect(harness.sandbox.requests.slice(seen).filter((r) => r.resource === 'StockOnHand')).toHaveLength(stockCalls);
    const [run] = await listRuns(database.db, { integration: 'unleashed', limit: 1 });
    expect(run).toMatchObject({ status: 'failed', counters: { apiCalls: 1 + stockCalls }, error: { code } });
    const errors = payloadsOf(harness.events.slice(before), 'unleashed:sync_error');
    expect(errors).toEqual([{ error: { code, message: expect.any(String) }, retryable: false }]);
    expect(payloadsOf(harness.events.slice(before), 'unleashed:sync_completed')).toEqual([]);
    harness.sandbox.setFaults([]);
  });

  it('with a wrong key: one 403, no retries, and one unleashed:sync_error naming the auth problem', async () => {
    const wrong = await startHarness(database, { apiKey: WRONG_KEY });
    try {
      expect(await wrong.run()).toMatchObject({ status: 'failed' });
      expect(wrong.sandbox.requests.map((r) => `${r.resource}/${r.page} ${r.status}`)).toEqual(['Products/1 403']);
      for (const r of wrong.sandbox.requests) signatures.add(r.headers['api-auth-signature'] ?? '');
      const errors = payloadsOf(wrong.events, 'unleashed:sync_error');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ error: { code: 'AUTH_REVOKED' }, retryable: false });
      expect(errors[0].error.message).toContain('UNLEASHED_API_KEY');
      const [run] = await listRuns(database.db, { integration: 'unleashed', limit: 1 });
      expect(run).toMatchObject({ status: 'failed', counters: { apiCalls: 1 }, error: { code: 'AUTH_REVOKED' } });
      harness.events.push(...wrong.events);
      harness.progress.push(...wrong.progress);
    } finally {
      await wrong.close();
    }
  });

  it('leaves no API key or signature in events, progress lines, run records or the database files', async () => {
    const runs = await listRuns(database.db, { integration: 'unleashed' });
    expect(runs.length).toBeGreaterThanOrEqual(7);
    const needles = secretNeedles({ 'api key': [harness.sandbox.apiKey, WRONG_KEY], signature: [...signatures] });
    // Both keys, and the distinct signatures sent: full and modifiedSince queries, and the wrong key's.
    expect(needles).toHaveLength(5);
    expect(scanText(JSON.stringify(harness.events), needles)).toEqual([]);
    expect(scanText(harness.progress.join('\n'), needles)).toEqual([]);
    expect(scanText(JSON.stringify(runs), needles)).toEqual([]);
    await database.close();
    const scan = scanFiles(join(dir, 'pglite'), needles);
    expect(scan.found).toEqual([]);
    expect(scan.files).toBeGreaterThan(100);
    // Not vacuous: the same scan finds what the sync did store in plain.
    expect(scanFiles(join(dir, 'pglite'), secretNeedles({ 'job number': ['ASM-00001'] })).found.length).toBeGreaterThan(0);
  });
});
