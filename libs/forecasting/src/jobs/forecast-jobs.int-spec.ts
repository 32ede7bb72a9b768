import { type Envelope, MemoryPublisher } from '@ops/sse-events';
import { type Database, listForecastResults, openDatabase, orderLines, orders, streamDailySalesBySku } from '@ops/store';
import { OutboxRelay } from '@ops/sync-core';

import { ForecastJobEngine } from './forecast-job.engine';

const DAY_MS = 86_400_000;
const TZ = 'America/New_York';

/** Seeded series: SKU A sells 3 + (weekday % 3) units daily; SKU B only 20 days (too little history). */
async function seed(database: Database, through: string): Promise<void> {
  const end = Date.parse(`${through}T12:00:00Z`);
  const orderRows: (typeof orders.$inferInsert)[] = [];
  const lineRows: (typeof orderLines.$inferInsert)[] = [];
  const add = (id: string, at: Date, sku: string, quantity: number, extra: Partial<typeof orders.$inferInsert> = {}, refunded = 0) => {
    orderRows.push({ integration: 'shopify', accountId: 's1', externalId: id, name: id, currency: 'GBP', createdAt: at, updatedAt: at, gross: '1', net: '1', ...extra });
    lineRows.push({ integration: 'shopify', accountId: 's1', orderExternalId: id, externalId: `${id}-1`, sku, quantity: String(quantity), refundedQuantity: String(refunded), price: '1' });
  };
  for (let d = 0; d < 120; d++) {
    const at = new Date(end - d * DAY_MS);
    add(`a${d}`, at, 'SKU-A', 3 + (at.getUTCDay() % 3));
    if (d < 20) add(`b${d}`, at, 'SKU-B', 1);
  }
  await database.db.insert(orders).values(orderRows);
  await database.db.insert(orderLines).values(lineRows);
}

describe('forecast jobs over the stored history (PGlite)', () => {
  let database: Database;
  let through: string;
  const received: Envelope[] = [];
  let engine: ForecastJobEngine;

  beforeAll(async () => {
    database = await openDatabase({ inMemory: true });
    // The engine forecasts through yesterday in the business zone.
    through = new Date(Date.now() - DAY_MS).toLocaleDateString('en-CA', { timeZone: TZ });
    await seed(database, through);
    const publisher = new MemoryPublisher();
    publisher.subscribe((e) => received.push(e));
    const relay = new OutboxRelay(database, publisher);
    engine = new ForecastJobEngine({ database, config: { timeZone: TZ, environment: 'production' }, publisher, relay });
  });

  afterAll(() => database.close());

  it('counts days in the business zone, leaves out test, cancelled and refunded units, and fills days without sales with 0', async () => {
    const day = `${through}T12:00:00Z`;
    const at = (iso: string) => new Date(iso);
    // 03:00 UTC on the day after `through` is still `through` in New York (23:00 or 22:00).
    const next = new Date(Date.parse(day) + DAY_MS).toISOString().slice(0, 10);
    await database.db.insert(orders).values([
      { integration: 'amazon', accountId: 'm1', externalId: 'late', name: 'late', currency: 'GBP', createdAt: at(`${next}T03:00:00Z`), updatedAt: at(day), gross: '1', net: '1' },
      { integration: 'amazon', accountId: 'm1', externalId: 'test', name: 'test', currency: 'GBP', createdAt: at(day), updatedAt: at(day), gross: '1', net: '1', test: true },
      { integration: 'amazon', accountId: 'm1', externalId: 'cxl', name: 'cxl', currency: 'GBP', createdAt: at(day), updatedAt: at(day), gross: '1', net: '1', cancelledAt: at(day) },
      { integration: 'amazon', accountId: 'm1', externalId: 'old', name: 'old', currency: 'GBP', createdAt: new Date(Date.parse(day) - 3 * DAY_MS), updatedAt: at(day), gross: '1', net: '1' },
    ]);
    await database.db.insert(orderLines).values([
      { integration: 'amazon', accountId: 'm1', orderExternalId: 'late', externalId: '1', sku: 'SKU-C', quantity: '5', refundedQuantity: '2', price: '1' },
      { integration: 'amazon', accountId: 'm1', orderExternalId: 'test', externalId: '1', sku: 'SKU-C', quantity: '7', price: '1' },
      { integration: 'amazon', accountId: 'm1', orderExternalId: 'cxl', externalId: '1', sku: 'SKU-C', quantity: '9', price: '1' },
      { integration: 'amazon', accountId: 'm1', orderExternalId: 'old', externalId: '1', sku: 'SKU-C', quantity: '4', price: '1' },
    ]);
    const series = [];
    for await (const s of streamDailySalesBySku(database.db, { timeZone: TZ, through, skus: ['SKU-C'], pageSize: 1 })) series.push(s);
    // old (4) three days before, two empty days, then late: 5 - 2 refunded; test and cancelled left out.
    expect(series).toEqual([{ sku: 'SKU-C', from: new Date(Date.parse(day) - 3 * DAY_MS).toISOString().slice(0, 10), through, units: [4, 0, 0, 3] }]);

    const pages = [];
    for await (const s of streamDailySalesBySku(database.db, { timeZone: TZ, through, sources: ['shopify'], pageSize: 1 })) pages.push(s.sku);
    expect(pages).toEqual(['SKU-A', 'SKU-B']);
  });

  it('runs a job: ordered progress at least every 5 %, a bounded forecast:complete matching the stored forecasts; a second request joins', async () => {
    const first = await engine.submit({ skus: ['SKU-A', 'SKU-B'], sources: null, horizonDays: 14 }, 'api');
    const second = await engine.submit({ skus: ['SKU-B', 'SKU-A'], sources: null, horizonDays: 14 }, 'api');
    expect(second).toMatchObject({ jobId: first.jobId, joined: true });
    await first.finished;
    const mine = received.filter((e) => e.jobId === first.jobId);
    const progress = mine.filter((e) => e.type === 'forecast:progress').map((e) => e.payload as { stage: string; progress: number });
    const stages = ['loading_history', 'fitting', 'backtesting', 'saving'];
    expect([...new Set(progress.map((p) => p.stage))]).toEqual(stages);
    for (let i = 1; i < progress.length; i++) {
      expect(stages.indexOf(progress[i].stage)).toBeGreaterThanOrEqual(stages.indexOf(progress[i - 1].stage));
      expect(progress[i].progress).toBeGreaterThanOrEqual(progress[i - 1].progress);
      expect(progress[i].progress - progress[i - 1].progress).toBeLessThanOrEqual(0.05 + 1e-9 + (i === 1 ? 0.1 : 0.45 / 2));
    }
    expect(mine[mine.length - 1].type).toBe('forecast:complete');
    const complete = mine[mine.length - 1].payload as { skus: Record<string, number>; forecasts: { sku: string; points: { date: string; mean: number }[] }[]; truncated: boolean };
    expect(complete.skus).toEqual({ total: 2, forecast: 1, insufficient_history: 1 });
    expect(complete.truncated).toBe(false);
    const [a] = complete.forecasts;
    expect(a.sku).toBe('SKU-A');
    expect(a.points).toHaveLength(14);
    const nextDay = new Date(Date.parse(`${through}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
    expect(a.points[0].date).toBe(nextDay);
    // Daily sales are 3..5: a forecast mean far outside that would be no forecast of this history.
    for (const p of a.points) {
      expect(p.mean).toBeGreaterThan(2.5);
      expect(p.mean).toBeLessThan(5.5);
    }

    const stored = await listForecastResults(database.db, first.jobId);
    expect(stored.map((r) => [r.sku, r.status])).toEqual([['SKU-A', 'ok'], ['SKU-B', 'insufficient_history']]);
    expect(stored[0].points).toEqual(a.points);
    expect(stored[0].historyDays).toBe(120);
    expect((await engine.get(first.jobId))?.status).toBe('succeeded');
  });

  it('cancels a running job at the next SKU with forecast:error code cancelled', async () => {
    const job = await engine.submit({ skus: null, sources: null, horizonDays: 30 }, 'api');
    // Cancel as soon as the first progress event of this job arrives.
    while (!received.some((e) => e.jobId === job.jobId)) await new Promise((r) => setImmediate(r));
    expect(await engine.cancel(job.jobId)).toBe(true);
    await job.finished;
    const last = received.filter((e) => e.jobId === job.jobId).pop();
    expect(last).toMatchObject({ type: 'forecast:error', payload: { error: { code: 'cancelled' } } });
    expect((await engine.get(job.jobId))?.status).toBe('cancelled');
    expect(await listForecastResults(database.db, job.jobId)).toEqual([]);
    expect(await engine.cancel(job.jobId)).toBe(false);
  });
});
