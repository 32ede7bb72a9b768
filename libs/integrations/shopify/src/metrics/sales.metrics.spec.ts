import { parseEnvelope, createEnvelope } from '@ops/sse-events';

import { type StoreSalesTotals, storeSyncedPayload, syncCompletedPayload } from './sales.metrics';

const period = (orders: number, revenue: string, netRevenue: string) => ({ orders, revenue, netRevenue });

const store = (storeId: string, currency: string, over: Partial<StoreSalesTotals> = {}): StoreSalesTotals => ({
  storeId,
  currency,
  orders: 10,
  cancelledOrders: 1,
  testOrders: 1,
  products: 3,
  gross: '100.00',
  refunds: '10.00',
  net: '90.00',
  fees: null,
  ordersWithoutFees: 2,
  periods: {
    asOf: '2026-10-31T18:30:00.000Z',
    timeZone: 'Europe/London',
    today: period(1, '10.00', '10.00'),
    last7Days: period(3, '30.00', '25.00'),
    last30Days: period(6, '60.00', '50.00'),
  },
  ...over,
});

describe('sales metrics payloads', () => {
  it('store_synced carries the policy counts, honest fees and periods, and passes the contract', () => {
    const payload = storeSyncedPayload(store('acme-uk.myshopify.com', 'GBP'));
    expect(payload).toMatchObject({ orders: 10, cancelledOrders: 1, testOrders: 1, fees: null, ordersWithoutFees: 2 });
    const envelope = createEnvelope('shopify:store_synced', { system: 'shopify', account: 'acme-uk.myshopify.com', environment: 'sandbox' }, payload);
    expect(parseEnvelope(envelope).ok).toBe(true);
  });

  it('sync_completed adds periods over synced stores, orders summed, money kept per currency with its decimals', () => {
    const jp = store('acme-jp.myshopify.com', 'JPY', {
      gross: '34451463',
      periods: {
        asOf: '2026-10-31T18:30:00.000Z',
        timeZone: 'Asia/Tokyo',
        today: period(2, '5400', '5400'),
        last7Days: period(5, '20100', '19000'),
        last30Days: period(9, '40000', '38000'),
      },
    });
    const uk = store('acme-uk.myshopify.com', 'GBP');
    const uk2 = store('acme-uk2.myshopify.com', 'GBP', { periods: { ...uk.periods, today: period(2, '0.10', '0.20') } });
    const payload = syncCompletedPayload([
      { storeId: uk.storeId, status: 'synced', totals: uk },
      { storeId: uk2.storeId, status: 'synced', totals: uk2 },
      { storeId: jp.storeId, status: 'synced', totals: jp },
      { storeId: 'acme-bh.myshopify.com', status: 'failed' },
    ]);
    expect(payload.totalRevenue).toEqual({ GBP: '200.00', JPY: '34451463' });
    expect(payload.periods.today).toEqual({ orders: 5, revenue: { GBP: '10.10', JPY: '5400' }, netRevenue: { GBP: '10.20', JPY: '5400' } });
    expect(payload.periods.last30Days.orders).toBe(21);
    expect(payload.stores.at(-1)).toEqual({ storeId: 'acme-bh.myshopify.com', status: 'failed' });
  });
});
