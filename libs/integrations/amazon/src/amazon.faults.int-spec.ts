import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { CredentialSealer, type Database, getCredentialState, getCursor, listRuns, openDatabase } from '@ops/store';
import { keyNeedles, scanFiles, scanText, secretNeedles } from '@ops/store/testing';

import { tokenAccountOf } from './amazon-clients';
import { type Harness, payloadsOf, startHarness } from './test/amazon-harness';

const UK = 'A1F83G8C2ARO7P';
const DE = 'A1PA6795UKMFR9';
const MINUTE = 60_000;
const small = [
  { id: UK, currency: 'GBP', skus: 60, orders: 80, shipments: 4 },
  { id: DE, currency: 'EUR', skus: 40, orders: 50, shipments: 3 },
];

/**
 * Faults the sandbox injects (5xx, a page cut in half, an access token Amazon calls expired, a
 * revoked grant): each failing marketplace gets a clear `amazon:sync_error` and keeps its cursor;
 * an expired token is refreshed and the request retried once. Afterwards no secret (client
 * secret, refresh token, any access token issued, the sealing key) is in any event, progress
 * line, run record, or byte of the database files.
 */
describe('Amazon sync faults', () => {
  let dir: string;
  let database: Database;
  let harness: Harness;
  const key = randomBytes(32);
  const cursors = () => Promise.all([getCursor(database.db, 'amazon', UK), getCursor(database.db, 'amazon', DE)]);
  const errorsSince = (from: number) => payloadsOf(harness.events.slice(from), 'amazon:sync_error');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'amazon-faults-'));
    database = await openDatabase({ dataDir: join(dir, 'pglite') });
    harness = await startHarness(database, { marketplaces: small, sealer: new CredentialSealer(key), maxAttempts: 3 });
    expect(await harness.run()).toMatchObject({ status: 'succeeded' });
  });
  afterAll(async () => {
    await harness?.close();
    await database?.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('5xx on every orders call of one marketplace: that marketplace fails (retryable), the other syncs, its cursor stays', async () => {
    const [ukBefore] = await cursors();
    harness.jump(MINUTE);
    harness.sandbox.advance();
    harness.jump(10 * MINUTE);
    harness.sandbox.setFaults({ serverError: { operation: 'searchOrders', marketplace: UK, status: 503 } });
    const from = harness.events.length;
    expect(await harness.run()).toMatchObject({ status: 'partial', counters: { failedMarketplaces: 1 } });
    expect(errorsSince(from)).toEqual([{ marketplace: UK, error: { code: 'HTTP_503', message: 'SP-API searchOrders: HTTP 503' }, retryable: true }]);
    const [ukAfter, deAfter] = await cursors();
    expect(ukAfter).toBe(ukBefore);
    expect(deAfter).not.toBeNull();
    // Nothing of the failed marketplace was committed: no figures and no inventory:update from it.
    expect(harness.events.slice(from).filter((e) => e.source.account === UK && e.type !== 'amazon:sync_error')).toEqual([]);
    harness.sandbox.setFaults(undefined);
  });

  it('a malformed (truncated) inventory page: a non-retryable error naming it, cursor not advanced; the next run catches up', async () => {
    const before = await cursors();
    harness.jump(MINUTE);
    harness.sandbox.setFaults({ malformed: { operation: 'getInventorySummaries', times: 2 } });
    const from = harness.events.length;
    expect(await harness.run()).toMatchObject({ status: 'failed' });
    const errors = errorsSince(from);
    expect(errors.map((e) => [e.marketplace, e.error.code, e.retryable])).toEqual(expect.arrayContaining([[UK, 'MALFORMED_RESPONSE', false], [DE, 'MALFORMED_RESPONSE', false]]));
    expect(errors[0].error.message).toMatch(/getInventorySummaries: response is not valid JSON/);
    expect(await cursors()).toEqual(before);
    harness.sandbox.setFaults(undefined);
    const retryFrom = harness.events.length;
    expect(await harness.run()).toMatchObject({ status: 'succeeded' });
    // The UK changes the 5xx run could not store arrive now.
    expect(payloadsOf(harness.events.slice(retryFrom), 'inventory:update').filter((u) => u.location === `FBA-${UK}`)).toHaveLength(5);
  });

  it('an access token Amazon calls expired is refreshed once and the request retried: the run succeeds', async () => {
    harness.jump(MINUTE);
    harness.sandbox.setFaults({ expiredToken: { times: 1 } });
    harness.sandbox.resetCounts();
    const errorsBefore = payloadsOf(harness.events, 'amazon:sync_error').length;
    expect(await harness.run()).toMatchObject({ status: 'succeeded' });
    // One refresh, shared by every request that held the expired token; each of them retried once.
    expect(harness.sandbox.requestCounts()['token']).toBe(1);
    const refused = harness.sandbox.requests.filter((r) => r.status === 403);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(payloadsOf(harness.events, 'amazon:sync_error')).toHaveLength(errorsBefore);
    harness.sandbox.setFaults(undefined);
  });

  it('a revoked grant: every marketplace fails with AUTH_REVOKED (not retryable), cursors stay', async () => {
    const before = await cursors();
    harness.jump(2 * 60 * MINUTE); // past the access token's hour: a new grant is needed
    harness.sandbox.setFaults({ revoked: true });
    const from = harness.events.length;
    expect(await harness.run()).toMatchObject({ status: 'failed' });
    const errors = errorsSince(from);
    expect(errors.map((e) => [e.marketplace, e.error.code, e.retryable]).sort()).toEqual([[UK, 'AUTH_REVOKED', false], [DE, 'AUTH_REVOKED', false]]);
    expect(errors[0].error.message).toMatch(/refused the refresh token/);
    expect(await cursors()).toEqual(before);
    harness.sandbox.setFaults(undefined);
  });

  it('no secret in events, progress lines, run records or the database files', async () => {
    const sealer = new CredentialSealer(key);
    const state = await getCredentialState(database.db, sealer, 'amazon', tokenAccountOf(harness.config));
    const issued = String(state?.['accessToken'] ?? '');
    expect(issued).toMatch(/^Atza\|/);
    const needles = [
      ...secretNeedles({
        'client secret': [harness.sandbox.credentials.clientSecret],
        'refresh token': [harness.sandbox.credentials.refreshToken],
        'access token': [issued],
      }),
      ...keyNeedles(key),
    ];
    const runs = await listRuns(database.db, { integration: 'amazon', limit: 100 });
    expect(runs.length).toBeGreaterThanOrEqual(5);
    expect(scanText(JSON.stringify([harness.events, harness.progress, runs]), needles)).toEqual([]);
    await database.close();
    const scan = scanFiles(join(dir, 'pglite'), needles);
    expect(scan.found).toEqual([]);
    // Not vacuous: the same scan finds plain data the database does hold.
    expect(scanFiles(join(dir, 'pglite'), secretNeedles({ sku: ['SKU-00001'] })).found.length).toBeGreaterThan(0);
  });
});
