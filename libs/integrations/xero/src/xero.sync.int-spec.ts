import { type Database, getCredentialState, getLatestBalanceSheetSnapshot, latestRun, openDatabase } from '@ops/store';
import { scanText, secretNeedles } from '@ops/store/testing';

import { AS_OF, payloadsOf, startXeroHarness, type XeroHarness } from './test/xero-harness';

/** Adds a decimal string to another, exactly, for amounts with two decimals. */
const plus = (a: string, b: string) => {
  const units = (v: string) => BigInt(v.replace('.', ''));
  const sum = units(a) + units(b);
  const abs = sum < 0n ? -sum : sum;
  return `${sum < 0n ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
};

describe('Xero sync against the sandbox', () => {
  let database: Database;
  let harness: XeroHarness;
  beforeAll(async () => {
    database = await openDatabase({ inMemory: true });
    harness = await startXeroHarness(database);
  });
  afterAll(async () => {
    await harness?.close();
    await database?.close();
  });

  it('publishes one working_capital:update per tenant with the ledger figures, in each base currency', async () => {
    const result = await harness.run();
    expect(result).toMatchObject({ status: 'succeeded', counters: { tenants: 4, failedTenants: 0, updates: 4 } });
    const updates = harness.events.filter((e) => e.type === 'working_capital:update');
    expect(updates).toHaveLength(4);
    for (const tenant of harness.sandbox.tenants) {
      const event = updates.find((e) => e.source.account === tenant.tenantId);
      expect(event?.source).toEqual({ system: 'xero', account: tenant.tenantId, environment: 'sandbox' });
      const expected = harness.sandbox.expected(tenant.tenantId);
      expect(event?.payload).toMatchObject({ tenantId: tenant.tenantId, tenantName: tenant.name, asOf: AS_OF, ...expected });
      expect(event?.payload).not.toHaveProperty('previous');
      const snapshot = await getLatestBalanceSheetSnapshot(database.db, 'xero', tenant.tenantId);
      expect(snapshot).toMatchObject({ asOf: AS_OF, currency: expected.currency, figures: { workingCapital: expected.workingCapital, cash: expected.cash } });
    }
    expect(new Set(harness.sandbox.tenants.map((t) => t.currency)).size).toBe(4);
    // Every accounting call carried the tenant header and asked for JSON (the sandbox answers XML otherwise).
    expect(harness.sandbox.requests.filter((r) => r.path.startsWith('/api.xro/')).every((r) => r.status === 200 && r.tenantId)).toBe(true);
  });

  it('a second run over unchanged books publishes no update', async () => {
    const before = harness.events.length;
    const result = await harness.run();
    expect(result).toMatchObject({ status: 'succeeded', counters: { updates: 0 } });
    const fresh = harness.events.slice(before);
    expect(fresh.map((e) => e.type)).toEqual(['xero:sync_started']);
  });

  it('a changed balance publishes one update for that tenant, with the new figures and the previous ones', async () => {
    const tenant = harness.sandbox.tenants[2];
    const old = harness.sandbox.expected(tenant.tenantId);
    harness.sandbox.adjustBalance(tenant.tenantId, 'bank1', '125.05');
    const before = harness.events.length;
    await harness.run();
    const updates = payloadsOf(harness.events.slice(before), 'working_capital:update');
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      tenantId: tenant.tenantId,
      cash: plus(old.cash, '125.05'),
      workingCapital: plus(old.workingCapital, '125.05'),
      previous: { cash: old.cash, workingCapital: old.workingCapital, asOf: AS_OF },
    });
  });

  it('a report that does not reconcile is an error for that tenant (report_unreconciled), not a figure', async () => {
    const tenant = harness.sandbox.tenants[0];
    harness.sandbox.adjustBalance(tenant.tenantId, 'ar', '10.00');
    harness.sandbox.addFault({ kind: 'unreconciled', path: 'Reports/BalanceSheet', tenantId: tenant.tenantId, times: 1 });
    const before = harness.events.length;
    const result = await harness.run();
    expect(result.status).toBe('partial');
    const fresh = harness.events.slice(before);
    expect(payloadsOf(fresh, 'working_capital:update')).toHaveLength(0);
    const errors = payloadsOf(fresh, 'xero:sync_error');
    expect(errors).toEqual([expect.objectContaining({ tenant: tenant.tenantId, tenantName: tenant.name, retryable: false, error: expect.objectContaining({ code: 'report_unreconciled' }) })]);
  });

  it('honours a minute 429 (Retry-After) and stops a tenant at its day limit without retrying it', async () => {
    const [minuteTenant, dayTenant] = [harness.sandbox.tenants[1], harness.sandbox.tenants[3]];
    harness.sandbox.addFault({ kind: 'rate-limit', problem: 'minute', retryAfterSeconds: 1, path: 'Accounts', tenantId: minuteTenant.tenantId, times: 1 });
    harness.sandbox.addFault({ kind: 'rate-limit', problem: 'day', retryAfterSeconds: 3600, path: 'Organisation', tenantId: dayTenant.tenantId });
    const calls = (tenantId: string) => harness.sandbox.requests.filter((r) => r.tenantId === tenantId).length;
    const before = harness.events.length;
    const dayCallsBefore = calls(dayTenant.tenantId);
    const result = await harness.run();
    expect(result.status).toBe('partial');
    const errors = payloadsOf(harness.events.slice(before), 'xero:sync_error');
    expect(errors.map((e) => [e.tenant, e.error.code, e.retryable])).toEqual([[dayTenant.tenantId, 'day_limit', false]]);
    expect(calls(dayTenant.tenantId) - dayCallsBefore).toBe(1);
    // The next run does not call the resting tenant at all.
    const dayCallsAfter = calls(dayTenant.tenantId);
    await harness.run();
    expect(calls(dayTenant.tenantId)).toBe(dayCallsAfter);
    harness.sandbox.clearFaults();
  });

  it('leaves no token, client secret or code in events, progress, logs or run records', async () => {
    const state = await getCredentialState(database.db, harness.sealer, 'xero', 'connection');
    expect(state?.['refreshToken']).toEqual(expect.stringMatching(/^sbx_rt_/));
    const needles = secretNeedles({
      'access token': [String(state?.['accessToken'])],
      'refresh token': [String(state?.['refreshToken']), harness.sandbox.refreshToken],
      'client secret': [harness.sandbox.clientSecret],
    });
    const run = await latestRun(database.db, 'xero');
    const text = JSON.stringify([harness.events, harness.progress, harness.logs, run]);
    expect(scanText(text, needles)).toEqual([]);
    // The scan is not vacuous: the same needles are found where they are.
    expect(scanText(JSON.stringify(state), needles).length).toBeGreaterThan(0);
  });

  it('XERO_TENANTS restricts the tenants; one the connection does not reach is its own error', async () => {
    const [kept] = harness.sandbox.tenants;
    const restricted = await startXeroHarness(database, { sandbox: harness.sandbox, sealer: harness.sealer, env: { XERO_TENANTS: `${kept.tenantId},not-connected-tenant` } });
    const before = harness.sandbox.requests.length;
    const result = await restricted.run();
    expect(result).toMatchObject({ status: 'partial', counters: { tenants: 2, failedTenants: 1 } });
    expect(new Set(harness.sandbox.requests.slice(before).filter((r) => r.tenantId).map((r) => r.tenantId))).toEqual(new Set([kept.tenantId]));
    expect(payloadsOf(restricted.events, 'xero:sync_error')).toEqual([
      { tenant: 'not-connected-tenant', error: expect.objectContaining({ code: 'tenant_not_connected' }), retryable: false },
    ]);
    expect(payloadsOf(restricted.events, 'xero:sync_started')).toEqual([{ tenants: [{ tenantId: kept.tenantId }, { tenantId: 'not-connected-tenant' }] }]);
  });

  it('a revoked grant (401, then invalid_grant) gives exactly one xero:sync_error reauthorization_required, no retry, recorded on the run', async () => {
    harness.sandbox.revokeAll();
    const tokenCallsBefore = harness.sandbox.requests.filter((r) => r.path === '/connect/token').length;
    const before = harness.events.length;
    const result = await harness.run();
    expect(result.status).toBe('failed');
    const fresh = harness.events.slice(before);
    expect(fresh.map((e) => e.type)).toEqual(['xero:sync_started', 'xero:sync_error']);
    expect(payloadsOf(fresh, 'xero:sync_error')).toEqual([
      { error: { code: 'reauthorization_required', message: expect.stringContaining('npm run connect -- xero') }, retryable: false },
    ]);
    // One refresh attempt, refused; nothing retried it.
    expect(harness.sandbox.requests.filter((r) => r.path === '/connect/token').slice(tokenCallsBefore).map((r) => r.status)).toEqual([400]);
    expect((await latestRun(database.db, 'xero'))?.error).toMatchObject({ code: 'reauthorization_required' });
  });
});
