import type { INestApplication } from '@nestjs/common';
import { ForecastJobEngine, readForecastConfig } from '@ops/forecasting';
import type {
  ForecastsResponse,
  InventoryResponse,
  ProductionResponse,
  SalesResponse,
  WorkingCapitalResponse,
} from '@ops/read-api-contract';
import { ForecastsResponseSchema, InventoryResponseSchema, ProductionResponseSchema, SalesResponseSchema, WorkingCapitalResponseSchema } from '@ops/read-api-contract';
import type { Envelope } from '@ops/sse-events';
import { type Database, openDatabase } from '@ops/store';

import { getJson, MARKETPLACE, type Sandboxes, sandboxEnv, startReadApi, startSandboxes, syncAll } from '../test/read-api-harness';

const DAY_MS = 86_400_000;
/** Compares decimal strings whatever their scale (`"12.50"` and `"12.5"`). */
const canonical = (value: string) => (value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value);

type Ok<T> = Extract<T, { status: 'ok' }>;
function okEntry<T extends { status: string; source: { account: string } }>(section: { status: string; accounts?: T[] }, account: string): Ok<T> {
  const entry = section.accounts?.find((a) => a.source.account === account);
  if (entry?.status !== 'ok') throw new Error(`${account}: expected an ok entry, got ${JSON.stringify(entry)}`);
  return entry as Ok<T>;
}

/**
 * The read API over a store the real workers filled from the sandboxes: each figure equals the
 * sandbox's own expected totals (worked out from its data, never through the workers' code) and
 * the event the worker published.
 */
describe('read API over synced sandbox data', () => {
  let sandboxes: Sandboxes;
  let database: Database;
  let events: Envelope[];
  let api: { url: string; app: INestApplication };

  beforeAll(async () => {
    sandboxes = await startSandboxes();
    database = await openDatabase({ inMemory: true });
    const env = sandboxEnv(sandboxes);
    const synced = await syncAll(database, env);
    expect(synced.results.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
    events = synced.events;
    api = await startReadApi(database, env);
  });
  afterAll(async () => {
    await api?.app.close();
    await database?.close();
    await sandboxes?.close();
  });

  const lastPayload = (type: string, account: string) => events.filter((e) => e.type === type && e.source.account === account).at(-1)?.payload;

  it('serves each Shopify store and period as the sandbox totals them, and as the store_synced event said', async () => {
    const { status, cacheControl, body } = await getJson<SalesResponse>(`${api.url}/api/sales`);
    expect([status, cacheControl]).toEqual([200, 'no-store']);
    expect(SalesResponseSchema.parse(body)).toEqual(body);
    for (const shop of sandboxes.shopify.shops) {
      const entry = okEntry(body.shopify, shop.domain);
      const expected = sandboxes.shopify.expectedTotals(shop.domain);
      const periods = expected.periods(new Date(entry.periods.asOf));
      expect(entry).toMatchObject({
        source: { system: 'shopify', account: shop.domain, environment: 'sandbox' },
        currency: expected.currency,
        orders: expected.orders,
        cancelledOrders: expected.cancelledOrders,
        testOrders: expected.testOrders,
        revenue: expected.gross,
        refunds: expected.refunds,
        netRevenue: expected.net,
        fees: expected.fees,
        ordersWithoutFees: expected.ordersWithoutFees,
        periods: { timeZone: expected.timeZone, ...periods },
      });
      expect(periods.last30Days.orders).toBeGreaterThan(0);
      const published = lastPayload('shopify:store_synced', shop.domain) as Record<string, unknown>;
      expect({ ...entry.periods }).toEqual(published['periods']);
      expect(entry.revenue).toBe(published['revenue']);
    }
    const uk = okEntry(body.shopify, 'read-uk.myshopify.com');
    // 'partial' fees: some orders carry none, so the honest figure is null with its reason.
    expect(uk.fees).toBeNull();
    expect(uk.feesReason).toBe(`${uk.ordersWithoutFees} of ${uk.orders} counted orders carried no fee data`);
  });

  it('serves Amazon orders per marketplace as the sandbox totals them', async () => {
    const { body } = await getJson<SalesResponse>(`${api.url}/api/sales`);
    const entry = okEntry(body.amazon, MARKETPLACE);
    const rule = { days: 14, units: 10, windowDays: entry.windowDays };
    const expected = sandboxes.amazon.expectedTotals(MARKETPLACE, Date.parse(entry.since) + entry.windowDays * DAY_MS, rule);
    expect(entry).toMatchObject({
      source: { system: 'amazon', account: MARKETPLACE, environment: 'sandbox' },
      currency: expected.currency,
      orders: expected.orders.counted,
      revenue: expected.orders.revenue,
      units: expected.orders.units,
      canceledOrders: expected.orders.cancelled,
      pendingOrders: expected.orders.pending,
      pendingUnits: expected.orders.pendingUnits,
    });
    expect(entry.orders).toBeGreaterThan(0);
  });

  it('serves working capital per Xero tenant as its ledger works out, with the stored history', async () => {
    const { status, cacheControl, body } = await getJson<WorkingCapitalResponse>(`${api.url}/api/working-capital`);
    expect([status, cacheControl]).toEqual([200, 'no-store']);
    expect(WorkingCapitalResponseSchema.parse(body)).toEqual(body);
    expect(body.xero.status).toBe('configured');
    expect(sandboxes.xero.tenants.length).toBeGreaterThan(0);
    for (const tenant of sandboxes.xero.tenants) {
      const entry = okEntry(body.xero, tenant.tenantId);
      const expected = sandboxes.xero.expected(tenant.tenantId);
      expect(entry.source).toEqual({ system: 'xero', account: tenant.tenantId, environment: 'sandbox' });
      expect(entry.currency).toBe(expected.currency);
      for (const field of ['cash', 'accountsReceivable', 'inventory', 'currentAssets', 'accountsPayable', 'currentLiabilities', 'workingCapital'] as const) {
        expect([field, canonical(entry[field])]).toEqual([field, canonical(expected[field])]);
      }
      expect(entry.history).toEqual([
        { asOf: entry.asOf, syncedAt: entry.syncedAt, currency: entry.currency, workingCapital: entry.workingCapital, currentAssets: entry.currentAssets, currentLiabilities: entry.currentLiabilities },
      ]);
      const published = lastPayload('working_capital:update', tenant.tenantId) as Record<string, unknown>;
      expect([entry.workingCapital, entry.currentRatio]).toEqual([published['workingCapital'], published['currentRatio']]);
    }
  });

  it('serves Amazon FBA stock and Unleashed stock on hand as the sandboxes total them', async () => {
    const { status, cacheControl, body } = await getJson<InventoryResponse>(`${api.url}/api/inventory`);
    expect([status, cacheControl]).toEqual([200, 'no-store']);
    expect(InventoryResponseSchema.parse(body)).toEqual(body);

    const sales = okEntry((await getJson<SalesResponse>(`${api.url}/api/sales`)).body.amazon, MARKETPLACE);
    const amazon = okEntry(body.amazon, MARKETPLACE);
    const expected = sandboxes.amazon.expectedTotals(MARKETPLACE, Date.parse(sales.since) + sales.windowDays * DAY_MS, amazon.lowStockRule);
    expect(amazon).toMatchObject({
      totalSKUs: expected.inventory.skus,
      totalQuantity: expected.inventory.totalQuantity,
      fulfillable: expected.inventory.fulfillable,
      inbound: expected.inventory.inbound,
      reserved: expected.inventory.reserved,
      unfulfillable: expected.inventory.unfulfillable,
      lowStockCount: expected.lowStock.length,
      shipments: expected.fba.shipments,
      openShipments: expected.fba.open,
      shipmentsByStatus: expected.fba.byStatus,
      inboundUnits: expected.fba.inboundUnits,
    });
    expect(amazon.lowStockItems.map((i) => i.sku)).toEqual(expected.lowStock.map((l) => l.sku));

    const unleashed = okEntry(body.unleashed, 'main');
    const figures = sandboxes.unleashed.expected(new Date(unleashed.asOf));
    expect(unleashed.source).toEqual({ system: 'unleashed', account: 'main', environment: 'sandbox' });
    expect([unleashed.products, unleashed.warehouses, unleashed.lines]).toEqual([figures.inventory.products, figures.inventory.warehouses, figures.inventory.lines]);
    expect([unleashed.totalOnHand, unleashed.totalAllocated, unleashed.totalAvailable, unleashed.totalValue].map(canonical)).toEqual(
      [figures.inventory.totalOnHand, figures.inventory.totalAllocated, figures.inventory.totalAvailable, figures.inventory.totalValue].map(canonical),
    );
    expect(unleashed.alertCount).toBe(figures.alerts.length);
    expect(unleashed.totalValueCurrency).toBeNull();
    expect(unleashed.totalValueCurrencyReason).toMatch(/base currency/);
  });

  it('serves Unleashed production with the late jobs the sandbox expects', async () => {
    const { status, cacheControl, body } = await getJson<ProductionResponse>(`${api.url}/api/production`);
    expect([status, cacheControl]).toEqual([200, 'no-store']);
    expect(ProductionResponseSchema.parse(body)).toEqual(body);
    const entry = okEntry(body.unleashed, 'main');
    const expected = sandboxes.unleashed.expected(new Date(entry.asOf)).production;
    expect(entry.total).toBe(expected.total);
    expect(entry.byStatus).toEqual(expected.byStatus);
    expect([entry.lateCount, canonical(entry.lateQuantity)]).toEqual([expected.late.count, canonical(expected.late.quantity)]);
    expect(entry.lateJobs.map((j) => [j.assemblyNumber, j.daysLate])).toEqual(expected.late.jobs.map((j) => [j.assemblyNumber, j.daysLate]));
    expect([entry.dueNext7DaysFrom, entry.dueNext7DaysTo, entry.dueNext7DaysCount]).toEqual([expected.dueNext7Days.from, expected.dueNext7Days.to, expected.dueNext7Days.count]);
    expect(entry.lateCount).toBeGreaterThan(0);
  });

  it('says no_data for forecasts until a job completes, then serves its forecasts with the actuals it used', async () => {
    const before = await getJson<ForecastsResponse>(`${api.url}/api/forecasts`);
    expect([before.status, before.cacheControl]).toEqual([200, 'no-store']);
    expect(before.body.latest).toEqual({ status: 'no_data', reason: expect.stringMatching(/no forecast job has completed/) });
    expect(before.body.source).toEqual({ system: 'forecast', account: 'all', environment: 'sandbox' });

    const env = sandboxEnv(sandboxes);
    const engine = new ForecastJobEngine({ database, config: readForecastConfig(env) });
    const job = await engine.submit({ skus: null, sources: null, horizonDays: 14 }, 'api');
    await job.finished;
    await engine.stop();

    const { body } = await getJson<ForecastsResponse>(`${api.url}/api/forecasts`);
    expect(ForecastsResponseSchema.parse(body)).toEqual(body);
    if (body.latest.status !== 'ok') throw new Error(`expected a forecast, got ${JSON.stringify(body.latest)}`);
    expect(body.latest.jobId).toBe(job.jobId);
    expect(body.latest.forecasts.length).toBe(Math.min(body.latest.limit, body.latest.skus.forecast));
    const first = body.latest.forecasts[0];
    expect(first.points).toHaveLength(14);
    expect(first.actuals.at(-1)?.date).toBe(body.latest.historyThrough);
    expect(first.actuals.reduce((sum, a) => sum + a.units, 0)).toBeGreaterThan(0);
  });
});
