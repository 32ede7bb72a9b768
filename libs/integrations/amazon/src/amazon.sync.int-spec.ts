import { type Database, getCursor, openDatabase } from '@ops/store';
import { describeWithPostgres } from '@ops/store/testing';

import { DEFAULT_MARKETPLACES, type Harness, payloadsOf, startHarness } from './test/amazon-harness';
import { expectMarketplaceFigures } from './test/expectations';

const RULE = { days: 14, units: 10, windowDays: 30 };
const MINUTE = 60_000;

/**
 * Issue 10's acceptance, on the embedded store: a first run's figures equal the sandbox's own,
 * exactly, for two marketplaces in two currencies; a second run after the sandbox's seeded
 * changes is incremental (its request counts are asserted) and reports `inventory:update` for
 * exactly the SKUs the sandbox changed, with their previous quantities; no run meets a 429.
 */
function amazonSyncSuite(open: () => Promise<Database>) {
  let database: Database;
  let harness: Harness;
  beforeAll(async () => {
    database = await open();
    harness = await startHarness(database);
  });
  afterAll(async () => {
    await harness?.close();
    await database?.close();
  });

  it('first run: every figure equals the sandbox dataset, per marketplace and in total; no 429, no inventory:update', async () => {
    const result = await harness.run();
    expect(result).toMatchObject({ status: 'succeeded', counters: { marketplaces: 2, failedMarketplaces: 0 } });
    const totals = DEFAULT_MARKETPLACES.map((m) => expectMarketplaceFigures(harness.sandbox, harness.events, m.id, RULE));
    const completed = payloadsOf(harness.events, 'amazon:sync_completed').at(-1);
    expect(completed?.orders.totalOrders).toBe(totals.reduce((sum, t) => sum + t.orders.counted, 0));
    expect(completed?.orders.totalRevenue).toEqual({ EUR: totals[1].orders.revenue, GBP: totals[0].orders.revenue });
    expect(completed?.inventory.totalQuantity).toBe(totals.reduce((sum, t) => sum + t.inventory.totalQuantity, 0));
    expect(completed?.fba.inboundCount).toBe(totals.reduce((sum, t) => sum + t.fba.inboundUnits, 0));
    expect(completed?.marketplaces).toEqual(DEFAULT_MARKETPLACES.map((m) => ({ marketplace: m.id, status: 'synced' })));
    // The dataset has what the policy is about: cancelled, pending, low stock by both rules.
    expect(totals.every((t) => t.orders.cancelled > 0 && t.orders.pending > 0 && t.lowStock.length > 0)).toBe(true);
    expect(totals.flatMap((t) => t.lowStock).some((l) => l.unitsSold === 0)).toBe(true);
    expect(totals.flatMap((t) => t.lowStock).some((l) => l.unitsSold > 0)).toBe(true);
    expect(harness.sandbox.throttled()).toBe(0);
    expect(payloadsOf(harness.events, 'inventory:update')).toEqual([]);
    expect(harness.events.every((e) => e.source.environment === 'sandbox')).toBe(true);
  });

  it('second run: incremental, inventory:update for exactly the changed SKUs with their previous quantities', async () => {
    const cursorsBefore = await Promise.all(DEFAULT_MARKETPLACES.map((m) => getCursor(database.db, 'amazon', m.id)));
    harness.jump(MINUTE);
    const changes = harness.sandbox.advance();
    harness.jump(10 * MINUTE);
    harness.sandbox.resetCounts();
    const eventsBefore = harness.events.length;
    const result = await harness.run();
    expect(result).toMatchObject({ status: 'succeeded' });
    const counts = harness.sandbox.requestCounts();
    // One page of changed SKUs, one page of changed orders and one of changed shipments per
    // marketplace, items only for the one shipment that changed in each; the token is reused.
    expect(counts).toEqual({ getInventorySummaries: 2, searchOrders: 2, getShipments: 2, getShipmentItemsByShipmentId: 2 });
    expect(harness.sandbox.throttled()).toBe(0);
    const updates = payloadsOf(harness.events.slice(eventsBefore), 'inventory:update');
    const expected = changes.map((c) => ({ sku: c.sku, location: `FBA-${c.marketplace}`, quantity: c.quantity, previousQuantity: c.previousQuantity, source: 'amazon' }));
    const order = (list: { sku: string; location: string }[]) => [...list].sort((a, b) => `${a.location}${a.sku}`.localeCompare(`${b.location}${b.sku}`));
    expect(order(updates)).toEqual(order(expected));
    expect(updates).toHaveLength(10);
    for (const m of DEFAULT_MARKETPLACES) expectMarketplaceFigures(harness.sandbox, harness.events, m.id, RULE);
    const cursorsAfter = await Promise.all(DEFAULT_MARKETPLACES.map((m) => getCursor(database.db, 'amazon', m.id)));
    cursorsAfter.forEach((cursor, i) => expect(cursor).not.toEqual(cursorsBefore[i]));
    harness.progress.push(`second run requests: ${JSON.stringify(counts)}`);
    console.log(harness.progress.filter((l) => l.includes('requests')).join('\n'));
  });

  it('a run with no changes (past the 10-minute re-read overlap) fetches one page per operation and reports no inventory:update', async () => {
    harness.jump(30 * MINUTE);
    harness.sandbox.resetCounts();
    const eventsBefore = harness.events.length;
    expect(await harness.run()).toMatchObject({ status: 'succeeded' });
    expect(harness.sandbox.requestCounts()).toEqual({ getInventorySummaries: 2, searchOrders: 2, getShipments: 2 });
    expect(payloadsOf(harness.events.slice(eventsBefore), 'inventory:update')).toEqual([]);
    for (const m of DEFAULT_MARKETPLACES) expectMarketplaceFigures(harness.sandbox, harness.events, m.id, RULE);
  });
}

describe('Amazon sync against the SP-API sandbox (embedded store)', () => amazonSyncSuite(() => openDatabase({ inMemory: true })));

describeWithPostgres('Amazon sync against the SP-API sandbox (Postgres)', (pg) => amazonSyncSuite(() => openDatabase({ databaseUrl: pg.url })));
