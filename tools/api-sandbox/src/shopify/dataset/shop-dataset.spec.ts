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
  });

  it('produces different data for a different seed', () => {
    expect(computeExpectedTotals(dataset({ seed: 1 })).gross).not.toBe(computeExpectedTotals(dataset({ seed: 2 })).gross);
  });

  it('keeps stable totals for the default reference date (regression anchor)', () => {
    expect(computeExpectedTotals(dataset({ seed: 7, orders: 500 }))).toMatchSnapshot();
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

  it('has no fees at all for a fees:false shop', () => {
    expect(computeExpectedTotals(dataset({ fees: false })).fees).toBe('0.00');
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
    expect(totals.orders).toBe(100_000);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(300 * 1024 * 1024);
  });
});
