import { type ShopSpec } from '@ops/api-sandbox';
import { type Database, getCursor, listRuns, openDatabase, sumOrdersByAccount } from '@ops/store';
import { describeWithPostgres } from '@ops/store/testing';

import { type Harness, payloadsOf, startHarness, SYNC_TIME } from './test/shopify-harness';

/**
 * GBP, JPY (no decimals) and BHD (three), each with cancelled, test and many-transaction orders;
 * fee data on every order (GBP), on most (JPY) and on none (BHD).
 */
const shops = (prefix: string, orders = 600): ShopSpec[] => [
  { domain: `${prefix}-uk.myshopify.com`, currency: 'GBP', orders, products: 30 },
  { domain: `${prefix}-jp.myshopify.com`, currency: 'JPY', orders: Math.round(orders * 0.8), products: 25, fees: 'partial' },
  { domain: `${prefix}-bh.myshopify.com`, currency: 'BHD', orders: Math.round(orders * 0.6), products: 20, fees: false },
];

/** GraphQL order-page requests a shop served (bulk, product and token calls excluded). */
const orderQueries = (harness: Harness, domain: string) =>
  harness.sandbox.requests.filter((r) => r.shop === domain && r.api === 'graphql' && r.status === 200).length;

function expectExactTotals(harness: Harness, specs: ShopSpec[]) {
  const synced = payloadsOf(harness.events, 'shopify:store_synced');
  for (const spec of specs) {
    const expected = harness.sandbox.expectedTotals(spec.domain);
    const latest = synced.filter((p) => p.storeId === spec.domain).at(-1);
    const periods = expected.periods(SYNC_TIME);
    expect(latest).toMatchObject({
      orders: expected.orders,
      cancelledOrders: expected.cancelledOrders,
      testOrders: expected.testOrders,
      revenue: expected.gross,
      refunds: expected.refunds,
      netRevenue: expected.net,
      currency: expected.currency,
      fees: expected.fees,
      ordersWithoutFees: expected.ordersWithoutFees,
      periods: { asOf: SYNC_TIME.toISOString(), timeZone: expected.timeZone, ...periods },
    });
  }
}

/** Orders the latest run fetched, from its closing progress line. */
function fetchedLastRun(harness: Harness): number {
  const line = harness.progress.filter((l) => l.includes('orders fetched this run')).at(-1) ?? '';
  return Number(/\((\d+) orders fetched this run/.exec(line)?.[1]);
}

function expectNoSecrets(harness: Harness, extra: unknown[] = []) {
  const haystack = JSON.stringify([harness.events, harness.progress, ...extra]);
  for (const secret of harness.secrets) expect(haystack).not.toContain(secret);
  expect(haystack).not.toMatch(/shpat_[A-Za-z0-9]{8,}/);
}

function shopifySyncSuite(open: () => Promise<Database>) {
  let database: Database;
  let harness: Harness | undefined;
  beforeAll(async () => (database = await open()));
  /** Every stored order of a store, test and cancelled ones included. */
  const storedOrders = async (storeId: string) =>
    (await sumOrdersByAccount(database.db, 'shopify', { accountId: storeId, includeTest: true, includeCancelled: true }))[0]?.orders;
  afterEach(async () => harness?.close());
  afterAll(async () => database?.close());

  it('full sync: every store total equals the sandbox dataset to the cent, totals kept per currency', async () => {
    const specs = shops('full');
    harness = await startHarness(database, specs, { clientCredentials: [1] });
    const result = await harness.run();
    expect(result).toMatchObject({ status: 'succeeded', counters: { stores: 3, failedStores: 0 } });
    expectExactTotals(harness, specs);
    const [completed] = payloadsOf(harness.events, 'shopify:sync_completed');
    expect(Object.keys(completed.totalRevenue).sort()).toEqual(['BHD', 'GBP', 'JPY']);
    expect(completed.totalRevenue['GBP']).toBe(harness.sandbox.expectedTotals(specs[0].domain).gross);
    expect(completed.totalRevenue['JPY']).toMatch(/^\d+$/);
    expect(completed.totalRevenue['BHD']).toMatch(/^\d+\.\d{3}$/);
    const expectedWeek = specs.map((spec) => harness?.sandbox.expectedTotals(spec.domain).periods(SYNC_TIME).last7Days);
    expect(completed.periods.last7Days.orders).toBe(expectedWeek.reduce((sum, p) => sum + (p?.orders ?? 0), 0));
    expect(completed.periods.last7Days.revenue['JPY']).toBe(expectedWeek[1]?.revenue);
    // The dataset really holds what the policy is about, in every shop.
    for (const spec of specs) {
      const expected = harness.sandbox.expectedTotals(spec.domain);
      const week = expected.periods(SYNC_TIME).last7Days.orders;
      expect(Math.min(expected.cancelledOrders, expected.testOrders, week)).toBeGreaterThan(0);
    }
    // Honest fees: a sum only where every counted order carried fee data.
    const [uk, jp, bh] = specs.map((spec) => payloadsOf(harness?.events ?? [], 'shopify:store_synced').find((p) => p.storeId === spec.domain));
    expect(uk).toMatchObject({ fees: expect.stringMatching(/^\d+\.\d{2}$/), ordersWithoutFees: 0 });
    expect(jp?.fees).toBeNull();
    expect(jp?.ordersWithoutFees).toBeGreaterThan(0);
    expect(jp?.ordersWithoutFees).toBeLessThan(jp?.orders ?? 0);
    expect(bh).toMatchObject({ fees: null, ordersWithoutFees: bh?.orders });
    expect(harness.events.map((e) => e.type)[0]).toBe('shopify:sync_started');
    expect(harness.events.every((e) => e.source.environment === 'sandbox')).toBe(true);
    expectNoSecrets(harness);
  });

  it('second run fetches only changed orders', async () => {
    const specs = shops('incr', 900);
    harness = await startHarness(database, specs, { env: { SHOPIFY_BULK_BACKFILL: 'off', SHOPIFY_PAGE_SIZE: '15' } });
    await harness.run();
    const firstRunPages = orderQueries(harness, specs[0].domain);
    // 60 order pages, the catalogue and the shop, plus a full read of each order whose transactions
    // filled the page query's list (the many-transaction orders): fees complete, as the totals show.
    expect(firstRunPages).toBeGreaterThan(Math.ceil(900 / 15) + 2);
    harness.sandbox.clearRequests();
    harness.sandbox.touchOrders(specs[0].domain, 7);
    const second = await harness.run();
    expect(second.status).toBe('succeeded');
    // One page of orders (the 7 touched plus the boundary order), the product walk and the shop
    // query; plus one full-transactions read per order on that page that filled its transaction list.
    for (const spec of specs.slice(0, 2)) {
      expect(orderQueries(harness, spec.domain)).toBeGreaterThanOrEqual(3);
      expect(orderQueries(harness, spec.domain)).toBeLessThanOrEqual(3 + 8);
    }
    expectExactTotals(harness, specs);
  });

  it('completes under a throttling storm, waiting as the API says, with exact totals', async () => {
    const specs = shops('storm', 200);
    harness = await startHarness(database, specs, {
      rateLimits: { bucketSize: 1000, restoreRate: 500 },
      faults: { seed: 7, throttleStorm: { probability: 0.3, api: 'graphql' } },
      env: { SHOPIFY_BULK_BACKFILL: 'off', SHOPIFY_PAGE_SIZE: '15' },
    });
    const result = await harness.run();
    expect([result.status, harness.progress.filter((line) => line.includes('failed'))]).toEqual(['succeeded', []]);
    const throttled = harness.sandbox.requests.filter((r) => r.fault === 'throttleStorm');
    expect(throttled.length).toBeGreaterThan(3);
    // A THROTTLED answer reports an empty bucket: the next query of that shop waits for the refill
    // (~1.4 s for a ~700-point page at 500 points/s), it does not hammer.
    for (const hit of throttled) {
      const next = harness.sandbox.requests.find((r) => r.shop === hit.shop && r.api === 'graphql' && Date.parse(r.at) > Date.parse(hit.at));
      if (next) expect(Date.parse(next.at) - Date.parse(hit.at)).toBeGreaterThanOrEqual(1000);
    }
    expectExactTotals(harness, specs);
  });

  it('a 5xx on one store: that store reports sync_error, the others complete', async () => {
    const specs = shops('fivexx', 300);
    harness = await startHarness(database, specs, {
      faults: { serverErrors: { shop: specs[2].domain, status: 503, times: 'always' } },
      maxAttempts: 2,
    });
    const result = await harness.run();
    expect(result.status).toBe('partial');
    const errors = payloadsOf(harness.events, 'shopify:sync_error');
    expect(errors).toEqual([{ storeId: specs[2].domain, error: expect.objectContaining({ code: 'HTTP_503' }), retryable: true }]);
    expect(payloadsOf(harness.events, 'shopify:store_synced').map((p) => p.storeId).sort()).toEqual([specs[0].domain, specs[1].domain].sort());
    const [completed] = payloadsOf(harness.events, 'shopify:sync_completed');
    expect(completed.stores.find((s) => s.storeId === specs[2].domain)?.status).toBe('failed');
    expect(completed.totalRevenue['BHD']).toBeUndefined();
    expectExactTotals(harness, specs.slice(0, 2));
  });

  it('a run stopped mid-sync resumes from the committed cursor without duplicating orders', async () => {
    const specs = shops('resume', 500).slice(0, 1);
    harness = await startHarness(database, specs, {
      faults: { serverErrors: { shop: specs[0].domain, onRequest: 4, times: 1 } },
      env: { SHOPIFY_BULK_BACKFILL: 'off', SHOPIFY_PAGE_SIZE: '15' },
      maxAttempts: 1,
    });
    const interrupted = await harness.run();
    expect(interrupted.status).toBe('failed');
    const cursor = JSON.parse((await getCursor(database.db, 'shopify', specs[0].domain)) ?? '{}');
    expect(cursor.ordersUpdatedAt).toEqual(expect.any(String));
    const before = (await storedOrders(specs[0].domain)) ?? 0;
    expect(before % 15).toBe(0);
    expect(before).toBeGreaterThanOrEqual(15);
    harness.sandbox.clearRequests();
    const resumed = await harness.run();
    expect(resumed.status).toBe('succeeded');
    // Whole pages were committed: the resumed run fetches the rest (and the boundary order again).
    expect(fetchedLastRun(harness)).toBeGreaterThanOrEqual(500 - before);
    expect(fetchedLastRun(harness)).toBeLessThanOrEqual(500 - before + 1);
    expect(await storedOrders(specs[0].domain)).toBe(500);
    expectExactTotals(harness, specs);
  });

  it('a malformed page: sync_error with a clear message, the cursor does not advance past it', async () => {
    const specs = shops('malformed', 300).slice(0, 1);
    harness = await startHarness(database, specs, {
      faults: { malformedJson: { shop: specs[0].domain, onPage: 2, times: 1 } },
      env: { SHOPIFY_BULK_BACKFILL: 'off', SHOPIFY_PAGE_SIZE: '15' },
    });
    const result = await harness.run();
    expect(result.status).toBe('failed');
    const [error] = payloadsOf(harness.events, 'shopify:sync_error');
    expect(error).toMatchObject({ storeId: specs[0].domain, retryable: false, error: { code: 'MALFORMED_RESPONSE' } });
    expect(error.error.message).toMatch(/not valid GraphQL JSON/);
    const afterFailure = JSON.parse((await getCursor(database.db, 'shopify', specs[0].domain)) ?? '{}').ordersUpdatedAt;
    expect(await storedOrders(specs[0].domain)).toBe(15);
    expect(new Date(afterFailure).getTime()).toBeLessThanOrEqual(Date.parse('2026-11-01T00:00:00Z'));
    await harness.run();
    expectExactTotals(harness, specs);
  });

  it('a revoked token: AUTH_REVOKED sync_error, and no secret in any event, progress line or run record', async () => {
    const specs = shops('revoked', 100);
    harness = await startHarness(database, specs, { clientCredentials: [1] });
    harness.sandbox.revokeToken(specs[0].domain);
    await harness.run();
    const [error] = payloadsOf(harness.events, 'shopify:sync_error');
    expect(error).toMatchObject({ storeId: specs[0].domain, retryable: false, error: { code: 'AUTH_REVOKED' } });
    expectNoSecrets(harness, [await listRuns(database.db)]);
  });
}

describe('Shopify sync against the API sandbox, store on PGlite', () => {
  shopifySyncSuite(() => openDatabase({ inMemory: true }));
});

describeWithPostgres('Shopify sync against the API sandbox, store on Postgres', (pg) => {
  shopifySyncSuite(() => openDatabase({ databaseUrl: pg.url }));
});
