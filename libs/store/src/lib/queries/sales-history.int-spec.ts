import { describeWithPostgres } from '../../test/postgres';
import type { Database } from '../database/database.types';
import { openDatabase } from '../database/open-database';
import { orderLines, orders } from '../schema';
import { countSkusSold, lastFullDay, streamDailySalesBySku } from './sales-history.queries';

const TZ = 'America/New_York';
const THROUGH = '2026-03-10';

type OrderRow = typeof orders.$inferInsert;
const order = (integration: string, id: string, createdAt: string, extra: Partial<OrderRow> = {}): OrderRow => ({
  integration,
  accountId: 'a1',
  externalId: id,
  name: id,
  currency: 'GBP',
  createdAt: new Date(createdAt),
  updatedAt: new Date(createdAt),
  gross: '1',
  net: '1',
  ...extra,
});
const line = (integration: string, orderId: string, sku: string | null, quantity: string, refundedQuantity = '0') => ({
  integration,
  accountId: 'a1',
  orderExternalId: orderId,
  externalId: `${orderId}-${sku}`,
  sku,
  quantity,
  refundedQuantity,
  price: '1',
});

async function seed(database: Database): Promise<void> {
  await database.db.insert(orders).values([
    order('shopify', 's1', '2026-03-06T15:00:00Z'),
    // 03:30 UTC on the 10th is 22:30 on the 9th in New York.
    order('shopify', 's2', '2026-03-10T03:30:00Z'),
    order('shopify', 'test', '2026-03-08T15:00:00Z', { test: true }),
    order('shopify', 'cxl', '2026-03-08T15:00:00Z', { cancelledAt: new Date('2026-03-08T16:00:00Z') }),
    // After the last day counted (11 March in New York).
    order('shopify', 'late', '2026-03-11T15:00:00Z'),
    order('amazon', 'm1', '2026-03-10T15:00:00Z'),
  ]);
  await database.db.insert(orderLines).values([
    line('shopify', 's1', 'SKU-A', '4'),
    line('shopify', 's1', null, '9'),
    line('shopify', 's2', 'SKU-A', '5', '2'),
    line('shopify', 's2', 'SKU-B', '2', '3'),
    line('shopify', 'test', 'SKU-A', '7'),
    line('shopify', 'cxl', 'SKU-A', '8'),
    line('shopify', 'late', 'SKU-A', '6'),
    line('amazon', 'm1', 'SKU-A', '1.5'),
  ]);
}

/** The same expectations on PGlite and on Postgres; figures worked out by hand from the rows above. */
function historySuite(current: () => Database): void {
  const read = async (options: Partial<Parameters<typeof streamDailySalesBySku>[1]> = {}) => {
    const out = [];
    for await (const s of streamDailySalesBySku(current().db, { timeZone: TZ, through: THROUGH, pageSize: 1, ...options })) out.push(s);
    return out;
  };

  it('daily units per SKU in the business zone from its first sale, zeros filled, test/cancelled/refunded/later left out', async () => {
    expect(await read()).toEqual([
      // 6th: 4; 7th, 8th: 0; 9th: 5 - 2 refunded; 10th: 1.5 on Amazon.
      { sku: 'SKU-A', from: '2026-03-06', through: THROUGH, units: [4, 0, 0, 3, 1.5] },
      // 2 ordered, 3 refunded: never below zero.
      { sku: 'SKU-B', from: '2026-03-09', through: THROUGH, units: [0, 0] },
    ]);
    expect(await countSkusSold(current().db, { timeZone: TZ, through: THROUGH })).toBe(2);
  });

  it('filters by channel and SKU, and pages by SKU', async () => {
    expect((await read({ sources: ['amazon'] })).map((s) => [s.sku, s.from, s.units])).toEqual([['SKU-A', '2026-03-10', [1.5]]]);
    expect((await read({ skus: ['SKU-B'], pageSize: 200 })).map((s) => s.sku)).toEqual(['SKU-B']);
  });

  it('names yesterday in the business zone', async () => {
    expect(await lastFullDay(current().db, TZ)).toMatch(/^\d{4}-\d\d-\d\d$/);
  });
}

describe('sales history on PGlite', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ inMemory: true });
    await seed(database);
  });
  afterAll(() => database.close());
  historySuite(() => database);
});

describeWithPostgres('sales history on Postgres', (pg) => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ databaseUrl: pg.url });
    await seed(database);
  });
  afterAll(() => database.close());
  historySuite(() => database);
});
