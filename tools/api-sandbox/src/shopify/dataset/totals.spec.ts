import { resolveProfile } from '../shop-profile';
import type { SandboxOrder, SandboxTransaction } from './dataset.types';
import { localMidnight } from './local-days';
import { computeExpectedTotals } from './totals';

const at = (iso: string): number => Date.parse(iso) / 1000;
const sale = (amount: number, fee: number | null, kind: SandboxTransaction['kind'] = 'SALE', status: SandboxTransaction['status'] = 'SUCCESS'): SandboxTransaction => ({
  id: 1, kind, status, gateway: 'shopify_payments', amount, createdAt: 0, fees: fee === null ? [] : [{ id: 2, amount: fee, flatFee: 0, rateBasisPoints: 0 }],
});

/** A hand-built shop: `orders` as given, nothing generated. */
function tiny(currency: 'GBP' | 'USD' | 'JPY' | 'BHD', timeZone: string, orders: Partial<SandboxOrder>[]) {
  const profile = resolveProfile({ domain: 'tiny.myshopify.com', currency, orders: orders.length, timeZone });
  const full = orders.map((o, index): SandboxOrder => ({
    index, id: index + 1, name: `#${index}`, createdAt: 0, updatedAt: 0, closedAt: null, cancelledAt: null, test: false, currency, presentmentCurrency: currency,
    tags: [], note: '', lineItems: [], subtotal: 0, tax: 0, total: 0, refunds: [], transactions: [], ...o,
  }));
  return computeExpectedTotals({ profile, orderCount: full.length, order: (i) => full[i] as SandboxOrder });
}

describe('localMidnight', () => {
  it.each([
    // Europe/London: clocks go forward 2026-03-29 01:00 UTC, back 2026-10-25 01:00 UTC.
    ['Europe/London', '2026-03-29T12:00:00Z', 0, '2026-03-29T00:00:00.000Z'],
    ['Europe/London', '2026-03-30T12:00:00Z', 0, '2026-03-29T23:00:00.000Z'],
    ['Europe/London', '2026-03-30T12:00:00Z', 1, '2026-03-29T00:00:00.000Z'],
    ['Europe/London', '2026-10-25T12:00:00Z', 0, '2026-10-24T23:00:00.000Z'],
    ['Europe/London', '2026-10-26T00:30:00Z', 1, '2026-10-24T23:00:00.000Z'],
    ['Europe/London', '2026-10-25T23:30:00Z', 0, '2026-10-24T23:00:00.000Z'],
    // America/New_York: forward 2026-03-08 07:00 UTC, back 2026-11-01 06:00 UTC.
    ['America/New_York', '2026-03-08T12:00:00Z', 0, '2026-03-08T05:00:00.000Z'],
    ['America/New_York', '2026-03-09T12:00:00Z', 0, '2026-03-09T04:00:00.000Z'],
    ['America/New_York', '2026-11-01T03:30:00Z', 0, '2026-10-31T04:00:00.000Z'],
    ['America/New_York', '2026-11-02T12:00:00Z', 6, '2026-10-27T04:00:00.000Z'],
    ['Asia/Tokyo', '2026-11-01T00:00:00Z', 0, '2026-10-31T15:00:00.000Z'],
  ])('%s at %s, %i days back -> %s', (zone, asOf, daysBack, expected) => {
    expect(localMidnight(zone, new Date(asOf), daysBack).toISOString()).toBe(expected);
  });
});

describe('computeExpectedTotals (hand-built shops)', () => {
  it('applies the revenue policy: test and cancelled apart, fees of successful SALE/CAPTURE only', () => {
    const totals = tiny('GBP', 'Europe/London', [
      { total: 1000, transactions: [sale(1000, 49)] },
      { total: 2050, refunds: [{ id: 1, createdAt: 0, amount: 50, note: '', lineItems: [] }], transactions: [sale(0, null, 'AUTHORIZATION'), sale(1000, 99, 'CAPTURE', 'FAILURE'), sale(1000, 20, 'CAPTURE'), sale(1050, 21, 'CAPTURE'), sale(50, null, 'REFUND')] },
      { total: 999, cancelledAt: 5, transactions: [sale(999, 30)] },
      { total: 777, test: true, transactions: [sale(777, null)] },
      { total: 555, test: true, cancelledAt: 5 },
    ]);
    expect({ ...totals }).toEqual({
      currency: 'GBP', timeZone: 'Europe/London', orders: 2, cancelledOrders: 1, testOrders: 2,
      gross: '30.50', refunds: '0.50', net: '30.00', fees: '0.90', ordersWithoutFees: 0,
    });
  });

  it('reports fees null with ordersWithoutFees when a counted order has no fee data', () => {
    const totals = tiny('JPY', 'Asia/Tokyo', [{ total: 34451463, transactions: [sale(34451463, 1000)] }, { total: 500, transactions: [sale(500, null)] }]);
    expect([totals.gross, totals.fees, totals.ordersWithoutFees]).toEqual(['34451963', null, 1]);
  });

  it('formats BHD with three decimals', () => {
    expect(tiny('BHD', 'Asia/Bahrain', [{ total: 12345, transactions: [sale(12345, 5)] }]).gross).toBe('12.345');
  });

  it('buckets periods by local day across the Europe/London autumn change (25-hour day)', () => {
    const totals = tiny('GBP', 'Europe/London', [
      { createdAt: at('2026-10-24T22:59:59Z'), total: 100 }, // 23:59:59 BST on the 24th
      { createdAt: at('2026-10-24T23:00:00Z'), total: 200, refunds: [{ id: 1, createdAt: 0, amount: 20, note: '', lineItems: [] }] }, // 00:00 BST on the 25th
      { createdAt: at('2026-10-25T23:59:59Z'), total: 400 }, // 23:59:59 GMT on the 25th
      { createdAt: at('2026-10-26T00:00:00Z'), total: 800 }, // next day
      { createdAt: at('2026-10-18T23:00:00Z'), total: 1600 }, // 00:00 BST on the 19th: 6 days before the 25th
      { createdAt: at('2026-10-18T22:59:59Z'), total: 3200 }, // just outside last7Days
      { createdAt: at('2026-10-25T12:00:00Z'), total: 6400, cancelledAt: 1 },
    ]);
    expect(totals.periods(new Date('2026-10-25T23:59:59Z'))).toEqual({
      today: { orders: 2, revenue: '6.00', netRevenue: '5.80' },
      last7Days: { orders: 4, revenue: '23.00', netRevenue: '22.80' },
      last30Days: { orders: 5, revenue: '55.00', netRevenue: '54.80' },
    });
    expect(totals.periods(new Date('2026-10-26T09:00:00Z'))).toMatchObject({ today: { orders: 1, revenue: '8.00' }, last7Days: { orders: 4, revenue: '15.00' } });
  });

  it('buckets periods by local day across the Europe/London spring change (23-hour day)', () => {
    const totals = tiny('GBP', 'Europe/London', [
      { createdAt: at('2026-03-28T23:59:59Z'), total: 100 }, // 23:59:59 GMT on the 28th
      { createdAt: at('2026-03-29T00:00:00Z'), total: 200 }, // 00:00 GMT on the 29th
      { createdAt: at('2026-03-29T22:59:59Z'), total: 400 }, // 23:59:59 BST on the 29th
      { createdAt: at('2026-03-29T23:00:00Z'), total: 800 }, // 00:00 BST on the 30th
    ]);
    expect(totals.periods(new Date('2026-03-29T22:59:59Z')).today).toEqual({ orders: 2, revenue: '6.00', netRevenue: '6.00' });
    expect(totals.periods(new Date('2026-03-30T10:00:00Z')).today).toEqual({ orders: 1, revenue: '8.00', netRevenue: '8.00' });
  });

  it('buckets periods in America/New_York across its November change, excluding orders after asOf', () => {
    const totals = tiny('USD', 'America/New_York', [
      { createdAt: at('2026-11-01T03:59:59Z'), total: 100 }, // 23:59:59 EDT Oct 31
      { createdAt: at('2026-11-01T04:00:00Z'), total: 200 }, // 00:00 EDT Nov 1
      { createdAt: at('2026-11-02T04:59:59Z'), total: 400 }, // 23:59:59 EST Nov 1
      { createdAt: at('2026-11-02T05:00:00Z'), total: 800 }, // 00:00 EST Nov 2, after asOf
      { createdAt: at('2026-10-03T04:00:00Z'), total: 1600 }, // 00:00 EDT Oct 3: first instant of last30Days
      { createdAt: at('2026-10-03T03:59:59Z'), total: 3200 }, // outside
    ]);
    expect(totals.periods(new Date('2026-11-02T04:59:59Z'))).toEqual({
      today: { orders: 2, revenue: '6.00', netRevenue: '6.00' },
      last7Days: { orders: 3, revenue: '7.00', netRevenue: '7.00' },
      last30Days: { orders: 4, revenue: '23.00', netRevenue: '23.00' },
    });
  });
});
