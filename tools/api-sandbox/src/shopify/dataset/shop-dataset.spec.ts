import { resolveProfile } from '../shop-profile';
import type { ShopSpec } from '../sandbox.types';
import { refundedTotal } from './dataset.types';
import { ShopDataset, type OrderFilter, type OrderSortKey } from './shop-dataset';
import { computeExpectedTotals } from './totals';

const spec = (over: Partial<ShopSpec> = {}): ShopSpec => ({ domain: 'acme-uk.myshopify.com', currency: 'GBP', orders: 2000, ...over });
const dataset = (over: Partial<ShopSpec> = {}) => new ShopDataset(resolveProfile(spec(over)));

describe('ShopDataset determinism', () => {
  it('produces identical orders and totals for the same seed', () => {
    const a = dataset({ seed: 42 });
    const b = dataset({ seed: 42 });
    for (const i of [0, 1, 777, 1999]) expect(a.order(i)).toEqual(b.order(i));
    expect(computeExpectedTotals(a)).toEqual(computeExpectedTotals(b));
    const asOf = new Date('2026-10-31T12:00:00Z');
    expect(computeExpectedTotals(a).periods(asOf)).toEqual(computeExpectedTotals(b).periods(asOf));
  });

  it('produces different data for a different seed', () => {
    expect(computeExpectedTotals(dataset({ seed: 1 })).gross).not.toBe(computeExpectedTotals(dataset({ seed: 2 })).gross);
  });

  it('keeps stable totals for the default reference date (regression anchor)', () => {
    const totals = computeExpectedTotals(dataset({ seed: 7, orders: 500 }));
    expect({ ...totals, periods: totals.periods(new Date('2026-10-31T23:00:00Z')) }).toMatchSnapshot();
  });

  it('spreads orders over the 180 days before the reference date, with consistent money', () => {
    const d = dataset();
    const end = Date.parse('2026-11-01T00:00:00Z') / 1000;
    for (let i = 0; i < d.orderCount; i += 97) {
      const order = d.order(i);
      expect(order.createdAt).toBeGreaterThanOrEqual(end - 180 * 86400);
      expect(order.updatedAt).toBeGreaterThanOrEqual(order.createdAt);
      expect(order.updatedAt).toBeLessThan(end);
      expect(order.total).toBe(order.lineItems.reduce((s, li) => s + li.unitPrice * li.quantity + li.tax, 0));
      expect(refundedTotal(order)).toBeLessThanOrEqual(order.total);
      expect(order.tags).toContain('sandbox');
    }
  });

  it('reports fees null for a fees:false shop, and counts the orders without fee data', () => {
    const totals = computeExpectedTotals(dataset({ fees: false }));
    expect(totals.fees).toBeNull();
    expect(totals.ordersWithoutFees).toBe(totals.orders);
    const partial = computeExpectedTotals(dataset({ fees: 'partial' }));
    expect(partial.fees).toBeNull();
    expect(partial.ordersWithoutFees / partial.orders).toBeGreaterThan(0.02);
    expect(partial.ordersWithoutFees / partial.orders).toBeLessThan(0.08);
  });

  it('formats JPY without minor digits', () => {
    expect(computeExpectedTotals(dataset({ currency: 'JPY', orders: 50 })).gross).toMatch(/^\d+$/);
  });
});

describe('ShopDataset.scan', () => {
  const d = dataset({ orders: 3000 });
  const brute = (sortKey: OrderSortKey, reverse: boolean, filter: OrderFilter) => {
    const all = Array.from({ length: d.orderCount }, (_, i) => i).filter((i) => d.scan({ sortKey, reverse, filter: { ...filter, ids: new Set([i]) }, limit: 1 }).indices.length === 1);
    all.sort((x, y) => d.sortKeyOf(sortKey, x) - d.sortKeyOf(sortKey, y) || x - y);
    return reverse ? all.reverse() : all;
  };
  const walk = (sortKey: OrderSortKey, reverse: boolean, filter: OrderFilter, limit: number) => {
    const seen: number[] = [];
    let after: { key: number; index: number } | undefined;
    for (;;) {
      const page = d.scan({ sortKey, reverse, filter, after, limit });
      seen.push(...page.indices);
      const last = page.indices[page.indices.length - 1];
      if (!page.hasMore || last === undefined) return seen;
      after = { key: d.sortKeyOf(sortKey, last), index: last };
    }
  };
  const mid = Date.parse('2026-08-01T00:00:00Z') / 1000;
  const cases: [OrderSortKey, boolean, OrderFilter][] = [
    ['UPDATED_AT', false, {}],
    ['UPDATED_AT', true, { updated: { lo: mid, hi: mid + 30 * 86400 } }],
    ['CREATED_AT', false, { created: { lo: mid, hi: Number.MAX_SAFE_INTEGER }, status: 'open' }],
    ['ID', true, { updated: { lo: 0, hi: mid } }],
  ];
  it.each(cases)('pages %s reverse=%s %j exactly like a brute-force sort', (sortKey, reverse, filter) => {
    expect(walk(sortKey, reverse, filter, 97)).toEqual(brute(sortKey, reverse, filter));
  });
});

describe('ShopDataset.touch', () => {
  it('moves touched orders to the newest updated_at and adds a refund', () => {
    const d = dataset({ orders: 500 });
    const before = computeExpectedTotals(d);
    const now = Date.parse('2026-11-26T12:00:00Z') / 1000;
    const touched = d.touch(5, now);
    expect(new Set(touched).size).toBe(5);
    const page = d.scan({ sortKey: 'UPDATED_AT', reverse: false, filter: { updated: { lo: now, hi: Number.MAX_SAFE_INTEGER } }, limit: 50 });
    expect(page.indices).toEqual(touched);
    expect(Number(computeExpectedTotals(d).refunds)).toBeGreaterThan(Number(before.refunds));
    expect(d.touch(3, now).length).toBe(3);
  });

  it('is deterministic for the same seed and sequence of calls', () => {
    expect(dataset({ seed: 9 }).touch(10, 1)).toEqual(dataset({ seed: 9 }).touch(10, 1));
  });
});

describe('scale', () => {
  it('builds 100k orders cheaply (time and memory) and totals them', () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const d = dataset({ orders: 100_000 });
    d.scan({ sortKey: 'UPDATED_AT', reverse: false, filter: {}, limit: 10 });
    const buildMs = performance.now() - started;
    expect(d.footprintBytes).toBeLessThanOrEqual(100_000 * 13);
    // Bounds are generous: CI machines are shared; alone this takes ~0.1 s (build) and ~2 s (totals) under jest.
    expect(buildMs).toBeLessThan(5000);
    const totals = computeExpectedTotals(d);
    expect(totals.orders + totals.cancelledOrders + totals.testOrders).toBe(100_000);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(300 * 1024 * 1024);
  });
});

describe('default dataset: the cases a sync must get right', () => {
  const d = dataset({ orders: 6000, seed: 3 });
  const orders = Array.from({ length: d.orderCount }, (_, i) => d.order(i));
  const share = (pred: (o: (typeof orders)[number]) => boolean) => orders.filter(pred).length / orders.length;

  it('has ~3 % cancelled orders, half of them refunded in full, the rest voided', () => {
    const cancelled = orders.filter((o) => o.cancelledAt !== null);
    expect(cancelled.length / orders.length).toBeGreaterThan(0.02);
    expect(cancelled.length / orders.length).toBeLessThan(0.04);
    const refunded = cancelled.filter((o) => refundedTotal(o) === o.total);
    expect(refunded.length / cancelled.length).toBeGreaterThan(0.35);
    expect(refunded.length / cancelled.length).toBeLessThan(0.65);
    for (const o of cancelled) {
      expect(o.cancelledAt).toBeGreaterThanOrEqual(o.createdAt);
      if (refundedTotal(o) === 0) expect(o.transactions.map((t) => t.kind)).toEqual(['AUTHORIZATION', 'VOID']);
    }
  });

  it('has ~1 % test orders and ~2 % orders with 6-12 transactions (partial captures with fees, partial refunds)', () => {
    expect(share((o) => o.test)).toBeGreaterThan(0.005);
    expect(share((o) => o.test)).toBeLessThan(0.015);
    const many = orders.filter((o) => o.transactions.length >= 6);
    expect(many.length / orders.length).toBeGreaterThan(0.013);
    expect(many.length / orders.length).toBeLessThan(0.027);
    for (const o of many) {
      expect(o.transactions.length).toBeLessThanOrEqual(12);
      const captures = o.transactions.filter((t) => t.kind === 'CAPTURE' && t.status === 'SUCCESS');
      expect(captures.reduce((s, t) => s + t.amount, 0)).toBe(o.total);
      expect(captures.every((t) => t.fees.length === (o.test ? 0 : 1))).toBe(true);
      expect(new Set(o.transactions.map((t) => t.id)).size).toBe(o.transactions.length);
    }
    expect(share((o) => refundedTotal(o) > 0 && refundedTotal(o) < o.total)).toBeGreaterThan(0.05);
  });

  it('has presentment currencies different from the shop currency on some orders', () => {
    expect(share((o) => o.presentmentCurrency !== 'GBP')).toBeGreaterThan(0.05);
    expect(share((o) => o.presentmentCurrency !== 'GBP')).toBeLessThan(0.15);
  });

  it('populates the last 30 days before the reference date, down to the last day', () => {
    const end = Date.parse('2026-11-01T00:00:00Z') / 1000;
    expect(share((o) => o.createdAt >= end - 30 * 86400)).toBeGreaterThan(0.15);
    expect(orders.filter((o) => o.createdAt >= end - 86400).length).toBeGreaterThan(10);
    const periods = computeExpectedTotals(d).periods(new Date('2026-10-31T23:59:59Z'));
    expect(periods.last30Days.orders).toBeGreaterThan(periods.last7Days.orders);
    expect(periods.today.orders).toBeGreaterThan(0);
  });

  it('prices JPY in whole yen and BHD in fils, with the currency time zone', () => {
    const jpy = computeExpectedTotals(dataset({ currency: 'JPY', orders: 300 }));
    expect([jpy.gross, jpy.fees, jpy.timeZone]).toEqual([expect.stringMatching(/^\d+$/), expect.stringMatching(/^\d+$/), 'Asia/Tokyo']);
    const bhd = computeExpectedTotals(dataset({ currency: 'BHD', orders: 300 }));
    expect([bhd.gross, bhd.net, bhd.timeZone]).toEqual([expect.stringMatching(/^\d+\.\d{3}$/), expect.stringMatching(/^\d+\.\d{3}$/), 'Asia/Bahrain']);
    const bhdShop = dataset({ currency: 'BHD', orders: 300 });
    expect(Array.from({ length: 50 }, (_, i) => bhdShop.order(i).total).some((fils) => fils % 10 !== 0)).toBe(true);
    expect(computeExpectedTotals(dataset({ currency: 'USD', orders: 10, timeZone: 'America/Chicago' })).timeZone).toBe('America/Chicago');
  });
});
