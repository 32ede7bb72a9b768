import { openDatabase, type Database, orderLines, orders } from '@ops/store';
import { and, eq, isNull, sql } from 'drizzle-orm';

import { type Harness, startHarness } from './test/shopify-harness';

/** Refunded units reach `order_lines.refunded_quantity` through `LineItem.currentQuantity`, on both fetch paths. */
describe('Shopify sync stores refunded units per line', () => {
  let database: Database;
  let harness: Harness | undefined;

  beforeAll(async () => {
    database = await openDatabase({ inMemory: true });
  });
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });
  afterAll(() => database.close());

  const storedUnits = async (domain: string) => {
    const rows = await database.db
      .select({
        ordered: sql<string>`coalesce(sum(${orderLines.quantity}), 0)::text`,
        refunded: sql<string>`coalesce(sum(${orderLines.refundedQuantity}), 0)::text`,
      })
      .from(orderLines)
      .innerJoin(orders, and(eq(orders.integration, orderLines.integration), eq(orders.accountId, orderLines.accountId), eq(orders.externalId, orderLines.orderExternalId)))
      .where(and(eq(orders.accountId, domain), eq(orders.test, false), isNull(orders.cancelledAt)));
    return { ordered: Number(rows[0].ordered), refunded: Number(rows[0].refunded) };
  };

  it.each([
    ['bulk backfill', 'refunds-bulk.myshopify.com', 'on'],
    ['paged GraphQL', 'refunds-paged.myshopify.com', 'off'],
  ])('%s: the units refunded in the dataset are the units stored as refunded', async (_path, domain, bulk) => {
    harness = await startHarness(database, [{ domain, currency: 'GBP', orders: 400 }], { env: { SHOPIFY_BULK_BACKFILL: bulk } });
    expect((await harness.run(true)).status).toBe('succeeded');
    const expected = harness.sandbox.expectedUnits(domain);
    expect(expected.refunded).toBeGreaterThan(0);
    expect(await storedUnits(domain)).toEqual({ ordered: expected.ordered, refunded: expected.refunded });
  });
});
