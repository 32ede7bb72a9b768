import type { EventPayloadMap, EventType } from './event-map';

interface Example<T extends EventType> {
  valid: EventPayloadMap[T];
  /** A payload the schema must reject, and the field path the error must name. */
  invalid: { payload: unknown; path: string };
}

/** One valid and one invalid payload per event type, shaped like what the workers really send. */
export const EVENT_EXAMPLES: { [T in EventType]: Example<T> } = {
  'xero:sync_started': {
    valid: { tenants: [{ tenantId: 'b1c2d3e4-0f1e-4c2b-9a8b-7c6d5e4f3a2b', tenantName: 'Acme Widgets Ltd' }] },
    invalid: { payload: { tenants: [{ tenantName: 'Acme Widgets Ltd' }] }, path: 'tenants.0.tenantId' },
  },
  'working_capital:update': {
    valid: {
      workingCapital: '48210.55',
      currentAssets: '112400.10',
      currentLiabilities: '64189.55',
      cash: '30512.40',
      accountsReceivable: '51230.00',
      accountsPayable: '38990.15',
      inventory: '30657.70',
      currentRatio: 1.7511,
      quickRatio: 1.2735,
      currency: 'GBP',
      asOf: '2026-10-31',
    },
    invalid: {
      payload: {
        workingCapital: 48210.55,
        currentAssets: '112400.10',
        currentLiabilities: '64189.55',
        cash: '30512.40',
        accountsReceivable: '51230.00',
        accountsPayable: '38990.15',
        inventory: '30657.70',
        currentRatio: 1.75,
        quickRatio: 1.27,
        currency: 'GBP',
        asOf: '2026-10-31',
      },
      path: 'workingCapital',
    },
  },
  'xero:sync_error': {
    valid: { tenant: 'b1c2d3e4', error: { code: 'HTTP_429', message: 'Rate limit exceeded' }, retryable: true },
    invalid: { payload: { error: { code: 'HTTP_429' }, retryable: true }, path: 'error.message' },
  },
  'shopify:sync_started': {
    valid: { stores: [{ storeId: 'acme-uk.myshopify.com', label: 'UK' }, { storeId: 'acme-eu.myshopify.com' }] },
    invalid: { payload: { stores: [] }, path: 'stores' },
  },
  'shopify:store_synced': {
    valid: {
      storeId: 'acme-uk.myshopify.com',
      label: 'UK',
      orders: 412,
      cancelledOrders: 9,
      testOrders: 3,
      products: 57,
      revenue: '18234.50',
      refunds: '312.00',
      netRevenue: '17922.50',
      fees: '540.21',
      ordersWithoutFees: 0,
      currency: 'GBP',
      periods: {
        asOf: '2026-11-30T14:05:00Z',
        timeZone: 'Europe/London',
        today: { orders: 4, revenue: '180.00', netRevenue: '180.00' },
        last7Days: { orders: 31, revenue: '1402.10', netRevenue: '1380.10' },
        last30Days: { orders: 120, revenue: '5310.75', netRevenue: '5210.75' },
      },
    },
    invalid: {
      payload: {
        storeId: 'acme-uk.myshopify.com',
        orders: -1,
        products: 57,
        revenue: '18234.50',
        refunds: '0.00',
        netRevenue: '18234.50',
        fees: null,
        currency: 'GBP',
      },
      path: 'orders',
    },
  },
  'shopify:sync_completed': {
    valid: {
      totalOrders: 903,
      totalRevenue: { GBP: '18234.50', EUR: '20110.00', USD: '9120.99' },
      stores: [
        { storeId: 'acme-uk.myshopify.com', status: 'synced', orders: 412 },
        { storeId: 'acme-eu.myshopify.com', status: 'synced', orders: 491 },
        { storeId: 'acme-us.myshopify.com', status: 'failed' },
      ],
      periods: {
        today: { orders: 9, revenue: { GBP: '180.00', EUR: '240.50' }, netRevenue: { GBP: '180.00', EUR: '240.50' } },
        last7Days: { orders: 70, revenue: { GBP: '1402.10', EUR: '1990.00' }, netRevenue: { GBP: '1380.10', EUR: '1990.00' } },
        last30Days: { orders: 251, revenue: { GBP: '5310.75', EUR: '8001.20' }, netRevenue: { GBP: '5210.75', EUR: '7950.20' } },
      },
    },
    invalid: { payload: { totalOrders: 903, totalRevenue: { gbp: '1.00' }, stores: [] }, path: 'totalRevenue.gbp' },
  },
  'shopify:sync_error': {
    valid: {
      storeId: 'acme-us.myshopify.com',
      error: { code: 'HTTP_503', message: 'POST https://acme-us.myshopify.com/admin/api/2026-07/graphql.json - HTTP 503' },
      retryable: true,
    },
    invalid: { payload: { storeId: 'acme-us', error: { code: 'X', message: 'y' } }, path: 'retryable' },
  },
  'amazon:sync_started': {
    valid: { marketplaces: ['A1F83G8C2ARO7P', 'A1PA6795UKMFR9'] },
    invalid: { payload: { marketplaces: 'A1F83G8C2ARO7P' }, path: 'marketplaces' },
  },
  'amazon:inventory_synced': {
    valid: {
      totalSKUs: 240,
      totalQuantity: 18250,
      lowStockItems: [{ sku: 'WID-BLUE-01', asin: 'B07XJ8C8F5', quantity: 4, threshold: 20 }],
    },
    invalid: { payload: { totalSKUs: 240, totalQuantity: 1.5, lowStockItems: [] }, path: 'totalQuantity' },
  },
  'amazon:orders_synced': {
    valid: { totalOrders: 130, totalRevenue: { GBP: '4210.40', EUR: '1999.00' } },
    invalid: { payload: { totalOrders: 130, totalRevenue: { GBP: 4210.4 } }, path: 'totalRevenue.GBP' },
  },
  'amazon:fba_synced': {
    valid: { shipmentCount: 3, inboundCount: 1450 },
    invalid: { payload: { shipmentCount: 3 }, path: 'inboundCount' },
  },
  'amazon:sync_completed': {
    valid: {
      inventory: { totalSKUs: 240, totalQuantity: 18250, lowStockItems: [] },
      orders: { totalOrders: 130, totalRevenue: { GBP: '4210.40' } },
      fba: { shipmentCount: 3, inboundCount: 1450 },
    },
    invalid: {
      payload: {
        inventory: { totalSKUs: 240, totalQuantity: 18250, lowStockItems: [] },
        orders: { totalOrders: 130, totalRevenue: {} },
      },
      path: 'fba',
    },
  },
  'amazon:sync_error': {
    valid: { marketplace: 'A1F83G8C2ARO7P', error: { code: 'QuotaExceeded', message: 'You exceeded your quota' }, retryable: true },
    invalid: { payload: { error: { code: '', message: 'x' }, retryable: false }, path: 'error.code' },
  },
  'unleashed:sync_started': {
    valid: {},
    invalid: { payload: { stores: [] }, path: '' },
  },
  'unleashed:sync_completed': {
    valid: {
      production: { total: 14, byStatus: { Planned: 6, InProgress: 5, Completed: 3 } },
      inventory: { products: 310, totalOnHand: '15840.250' },
      alerts: [{ productCode: 'FG-CHAIR-OAK', kind: 'low_stock', quantity: '4', threshold: '10' }],
    },
    invalid: {
      payload: {
        production: { total: 14, byStatus: { Exploded: 1 } },
        inventory: { products: 310, totalOnHand: '15840.250' },
        alerts: [],
      },
      path: 'production.byStatus',
    },
  },
  'unleashed:sync_error': {
    valid: { error: { code: 'HTTP_403', message: 'Signature mismatch' }, retryable: false },
    invalid: { payload: { error: { code: 'HTTP_403', message: 'x' }, retryable: 'no' }, path: 'retryable' },
  },
  'forecast:progress': {
    valid: { jobId: 'fc-2026-11-26-01', progress: 0.42, stage: 'fitting' },
    invalid: { payload: { jobId: 'fc-2026-11-26-01', progress: 1.2, stage: 'fitting' }, path: 'progress' },
  },
  'forecast:complete': {
    valid: {
      jobId: 'fc-2026-11-26-01',
      forecast: [
        {
          sku: 'WID-BLUE-01',
          horizonDays: 2,
          points: [
            { date: '2026-11-27', quantity: 41, lower: 33.5, upper: 48.9 },
            { date: '2026-11-28', quantity: 38, lower: 29.1, upper: 47.2 },
          ],
        },
      ],
      confidence: 0.8,
      accuracy: { metric: 'mape', value: 0.121 },
    },
    invalid: {
      payload: {
        jobId: 'fc-2026-11-26-01',
        forecast: [{ sku: 'WID', horizonDays: 1, points: [{ date: '2026-11-27', quantity: 41, lower: 45, upper: 48 }] }],
        confidence: 0.8,
        accuracy: null,
      },
      path: 'forecast.0.points.0',
    },
  },
  'forecast:error': {
    valid: { jobId: 'fc-2026-11-26-01', error: { code: 'INSUFFICIENT_HISTORY', message: 'WID-BLUE-01 has 3 days of sales' } },
    invalid: { payload: { jobId: 'fc 01', error: { code: 'X', message: 'y' } }, path: 'jobId' },
  },
  'inventory:update': {
    valid: { sku: 'WID-BLUE-01', quantity: 36, previousQuantity: 40, location: 'FBA-UK', source: 'amazon' },
    invalid: {
      payload: { sku: 'WID-BLUE-01', quantity: 36, previousQuantity: 40, location: 'FBA-UK', source: 'excel' },
      path: 'source',
    },
  },
  'admin:broadcast': {
    valid: { message: 'Xero maintenance 22:00-23:00 UTC', level: 'warning' },
    invalid: { payload: { message: 'hello', level: 'info', mock: true }, path: '' },
  },
};
