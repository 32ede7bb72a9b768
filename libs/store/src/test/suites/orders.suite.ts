import { and, eq, sql } from 'drizzle-orm';

import type { Database } from '../../lib/database/database.types';
import { countSetAsideOrders, listDailySkuQuantities, sumOrdersByAccount } from '../../lib/queries/order-metrics.queries';
import { upsertOrderLines, upsertOrders, upsertProducts } from '../../lib/queries/orders.queries';
import { orderLines, orders } from '../../lib/schema';
import { orderLineRow, orderRow } from '../rows';

/** Orders, lines, products and the SQL aggregates over them. */
export function ordersSuite(database: () => Database): void {
  describe('orders', () => {
    const storedOrders = (accountId: string) =>
      database()
        .db.select()
        .from(orders)
        .where(and(eq(orders.integration, 'shopify'), eq(orders.accountId, accountId)));

    it('keeps planner statistics current while a table is bulk loaded', async () => {
      const { db } = database();
      const rows = Array.from({ length: 3000 }, (_, i) => orderRow('bulk-stats', String(i)));
      for (let i = 0; i < rows.length; i += 500) await upsertOrders(db, rows.slice(i, i + 500));
      const { rows: stats } = (await db.execute(sql`select reltuples::float8 as tuples from pg_class where relname = 'orders'`)) as unknown as {
        rows: { tuples: number }[];
      };
      // Without a refresh the planner would still believe the table empty (-1 or 0 rows).
      expect(Number(stats[0].tuples)).toBeGreaterThanOrEqual(1000);
    });

    it('upserts idempotently: the same orders twice never duplicate, and a re-synced order updates', async () => {
      const { db } = database();
      const first = await upsertOrders(db, [orderRow('idem', '1'), orderRow('idem', '2')]);
      expect(first).toEqual({ inserted: 2, updated: 0, skipped: 0 });

      const again = await upsertOrders(db, [orderRow('idem', '1'), orderRow('idem', '2')]);
      expect(again).toEqual({ inserted: 0, updated: 2, skipped: 0 });

      const refunded = orderRow('idem', '1', {
        updatedAt: new Date('2025-03-02T09:00:00Z'),
        financialStatus: 'partially_refunded',
        refunds: '5.00',
        net: '19.99',
        fees: null,
      });
      await upsertOrders(db, [refunded]);
      const rows = await storedOrders('idem');
      expect(rows).toHaveLength(2);
      const one = rows.find((row) => row.externalId === '1');
      expect(one).toMatchObject({
        financialStatus: 'partially_refunded',
        refunds: '5.0000',
        net: '19.9900',
        fees: null,
      });
      expect(one?.updatedAt.toISOString()).toBe('2025-03-02T09:00:00.000Z');
    });

    it('skips a stale row older than the stored one, and keeps the last of repeated keys in one batch', async () => {
      const { db } = database();
      await upsertOrders(db, [orderRow('stale', '1', { updatedAt: new Date('2025-03-05T00:00:00Z'), gross: '10' })]);
      const stale = await upsertOrders(db, [
        orderRow('stale', '1', { updatedAt: new Date('2025-03-04T00:00:00Z'), gross: '99' }),
      ]);
      expect(stale).toEqual({ inserted: 0, updated: 0, skipped: 1 });

      await upsertOrders(db, [orderRow('stale', '2', { gross: '1' }), orderRow('stale', '2', { gross: '2' })]);
      const rows = await storedOrders('stale');
      expect(rows.map((row) => [row.externalId, row.gross]).sort()).toEqual([
        ['1', '10.0000'],
        ['2', '2.0000'],
      ]);
    });

    it('writes thousands of orders in chunks', async () => {
      const { db } = database();
      const rows = Array.from({ length: 2_345 }, (_, index) => orderRow('bulk', String(index)));
      expect(await upsertOrders(db, rows)).toEqual({ inserted: 2_345, updated: 0, skipped: 0 });
      expect(await upsertOrders(db, rows)).toEqual({ inserted: 0, updated: 2_345, skipped: 0 });
      expect(await storedOrders('bulk')).toHaveLength(2_345);
    });

    it('upserts lines by order and line id, and refuses a line whose order is not stored', async () => {
      const { db } = database();
      await upsertOrders(db, [orderRow('lines', '1')]);
      await upsertOrderLines(db, [orderLineRow('lines', '1', 'a'), orderLineRow('lines', '1', 'b', { quantity: '2' })]);
      const update = await upsertOrderLines(db, [orderLineRow('lines', '1', 'b', { quantity: '3' })]);
      expect(update).toEqual({ inserted: 0, updated: 1, skipped: 0 });
      const lines = await db.select().from(orderLines).where(eq(orderLines.accountId, 'lines'));
      expect(lines.map((line) => [line.externalId, line.quantity]).sort()).toEqual([
        ['a', '1'],
        ['b', '3'],
      ]);
      await expect(upsertOrderLines(db, [orderLineRow('lines', 'missing', 'a')])).rejects.toThrow();
    });

    it('upserts products, skipping stale updates', async () => {
      const { db } = database();
      const product = {
        integration: 'shopify',
        accountId: 'catalogue',
        externalId: 'p1',
        sku: 'WIDGET-1',
        title: 'Widget',
      };
      await upsertProducts(db, [{ ...product, updatedAt: new Date('2025-01-02T00:00:00Z') }]);
      const renamed = await upsertProducts(db, [
        { ...product, title: 'Widget v2', updatedAt: new Date('2025-01-03T00:00:00Z') },
      ]);
      const stale = await upsertProducts(db, [
        { ...product, title: 'Old', updatedAt: new Date('2025-01-01T00:00:00Z') },
      ]);
      expect([renamed.updated, stale.skipped]).toEqual([1, 1]);
    });

    it('sums money exactly in SQL, per account and currency, leaving out test orders', async () => {
      const { db } = database();
      const rows = [
        orderRow('uk', 's1', { currency: 'GBP', gross: '0.1', net: '0.1', fees: '0.01' }),
        orderRow('uk', 's2', { currency: 'GBP', gross: '0.2', net: '0.2', fees: null }),
        orderRow('uk', 's3', { currency: 'EUR', gross: '0.2', net: '0.2' }),
        orderRow('uk', 's4', { currency: 'GBP', gross: '1000', net: '1000', test: true }),
        ...Array.from({ length: 1_000 }, (_, index) =>
          orderRow('us', `m${index}`, { currency: 'USD', gross: '0.1', net: '0.07', refunds: '0.03', fees: '0.01' }),
        ),
      ];
      await upsertOrders(
        db,
        rows.map((row) => ({ ...row, integration: 'sums' })),
      );

      const totals = await sumOrdersByAccount(db, 'sums');
      expect(totals).toEqual([
        {
          accountId: 'uk',
          currency: 'EUR',
          orders: 1,
          gross: '0.2000',
          refunds: '0.0000',
          net: '0.2000',
          fees: '0.9700',
          ordersWithoutFees: 0,
        },
        {
          accountId: 'uk',
          currency: 'GBP',
          orders: 2,
          gross: '0.3000',
          refunds: '0.0000',
          net: '0.3000',
          fees: '0.0100',
          ordersWithoutFees: 1,
        },
        {
          accountId: 'us',
          currency: 'USD',
          orders: 1_000,
          gross: '100.0000',
          refunds: '30.0000',
          net: '70.0000',
          fees: '10.0000',
          ordersWithoutFees: 0,
        },
      ]);
      const withTest = await sumOrdersByAccount(db, 'sums', { includeTest: true });
      expect(withTest.find((row) => row.currency === 'GBP')?.gross).toBe('1000.3000');
      expect(await sumOrdersByAccount(db, 'sums', { since: new Date('2030-01-01T00:00:00Z') })).toEqual([]);
    });

    it('leaves cancelled orders out unless asked, counts cancelled and test orders apart, and filters by account and window', async () => {
      const { db } = database();
      const cancelledAt = new Date('2025-03-02T09:00:00Z');
      await upsertOrders(db, [
        orderRow('kept', '1', { integration: 'aside', gross: '10', net: '10' }),
        orderRow('kept', '2', { integration: 'aside', gross: '5', net: '5', cancelledAt }),
        orderRow('kept', '3', { integration: 'aside', gross: '7', net: '7', test: true }),
        orderRow('kept', '4', { integration: 'aside', gross: '9', net: '9', test: true, cancelledAt }),
        orderRow('kept', '5', { integration: 'aside', gross: '2', net: '2', createdAt: new Date('2025-04-01T00:00:00Z') }),
        orderRow('other', '1', { integration: 'aside', gross: '100', net: '100' }),
      ]);
      const totals = (window = {}) => sumOrdersByAccount(db, 'aside', { accountId: 'kept', ...window });
      expect((await totals()).map((t) => [t.orders, t.gross])).toEqual([[2, '12.0000']]);
      expect((await totals({ includeCancelled: true })).map((t) => [t.orders, t.gross])).toEqual([[3, '17.0000']]);
      expect((await totals({ since: new Date('2025-03-15T00:00:00Z') })).map((t) => [t.orders, t.gross])).toEqual([[1, '2.0000']]);
      expect(await countSetAsideOrders(db, 'aside')).toEqual([
        { accountId: 'kept', cancelledOrders: 1, testOrders: 2 },
        { accountId: 'other', cancelledOrders: 0, testOrders: 0 },
      ]);
    });

    it('lists units sold per SKU and UTC day', async () => {
      const { db } = database();
      const day = (iso: string) => ({ integration: 'daily', createdAt: new Date(iso) });
      await upsertOrders(db, [
        orderRow('d', '1', day('2025-04-01T23:30:00Z')),
        orderRow('d', '2', day('2025-04-01T08:00:00Z')),
        orderRow('d', '3', day('2025-04-02T00:30:00Z')),
      ]);
      const line = (order: string, sku: string | null, quantity: string) =>
        orderLineRow('d', order, `${order}-${sku}`, { integration: 'daily', sku, quantity });
      await upsertOrderLines(db, [
        line('1', 'A', '2'),
        line('2', 'A', '1.5'),
        line('3', 'A', '1'),
        line('3', 'B', '4'),
        line('3', null, '9'),
      ]);
      expect(await listDailySkuQuantities(db, 'daily')).toEqual([
        { sku: 'A', day: '2025-04-01', quantity: '3.5' },
        { sku: 'A', day: '2025-04-02', quantity: '1' },
        { sku: 'B', day: '2025-04-02', quantity: '4' },
      ]);
    });
  });
}
