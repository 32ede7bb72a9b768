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
      tenantId: 'b1c2d3e4-0f1e-4c2b-9a8b-7c6d5e4f3a2b',
      tenantName: 'Acme Widgets Ltd',
      workingCapital: '48210.55',
      currentAssets: '112400.10',
      currentLiabilities: '64189.55',
      cash: '30512.40',
      accountsReceivable: '51230.00',
      accountsPayable: '38990.15',
      inventory: '30657.70',
      otherCurrentAssets: '0.00',
      otherCurrentLiabilities: '25199.40',
      currentRatio: 1.7511,
      quickRatio: 1.2735,
      currency: 'GBP',
      asOf: '2026-10-31',
      previous: {
        workingCapital: '47100.00',
        currentAssets: '110000.00',
        currentLiabilities: '62900.00',
        cash: '29000.00',
        accountsReceivable: '50500.00',
        accountsPayable: '38000.00',
        inventory: '30500.00',
        currentRatio: 1.7488,
        quickRatio: 1.2639,
        currency: 'GBP',
        asOf: '2026-10-30',
      },
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
    valid: {
      tenant: 'b1c2d3e4',
      tenantName: 'Acme Widgets Ltd',
      error: { code: 'reauthorization_required', message: 'the Xero connection must be made again: npm run connect -- xero' },
      retryable: false,
    },
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
      lowStockItems: [
        { sku: 'WID-BLUE-01', asin: 'B07XJ8C8F5', marketplace: 'A1F83G8C2ARO7P', quantity: 4, dailyRate: '1.20', daysOfCover: '3.3', rule: 'days_of_cover' },
        { sku: 'WID-RED-02', marketplace: 'A1F83G8C2ARO7P', quantity: 2, dailyRate: null, daysOfCover: null, rule: 'units' },
      ],
    },
    invalid: { payload: { totalSKUs: 240, totalQuantity: 1.5, lowStockItems: [] }, path: 'totalQuantity' },
  },
  'amazon:orders_synced': {
    valid: {
      marketplace: 'A1F83G8C2ARO7P',
      currency: 'GBP',
      windowDays: 30,
      since: '2026-11-01T00:00:00Z',
      totalOrders: 130,
      totalRevenue: { GBP: '4210.40' },
      units: 161,
      canceledOrders: 7,
      pendingOrders: 4,
      pendingUnits: 5,
    },
    invalid: { payload: { totalOrders: 130, totalRevenue: { GBP: 4210.4 } }, path: 'totalRevenue.GBP' },
  },
  'amazon:fba_synced': {
    valid: { shipmentCount: 3, openShipments: 2, byStatus: { RECEIVING: 1, SHIPPED: 1, CLOSED: 1 }, inboundCount: 1450 },
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
      asOf: '2026-12-01T06:00:00.000Z',
      production: {
        total: 14,
        byStatus: { Planned: 6, InProgress: 5, Completed: 3 },
        quantityByStatus: { Planned: '120', InProgress: '64.5', Completed: '30' },
        dueNext7Days: { from: '2026-12-01', to: '2026-12-07', count: 4, quantity: '52.5' },
        late: {
          count: 1,
          quantity: '12',
          jobs: [{ assemblyNumber: 'ASM-00042', productCode: 'FG-CHAIR-OAK', status: 'InProgress', quantity: '12', assembleBy: '2026-11-28', daysLate: 3 }],
        },
      },
      inventory: {
        products: 310,
        warehouses: 2,
        lines: 402,
        totalOnHand: '15840.250',
        totalAllocated: '1210',
        totalAvailable: '14630.250',
        totalValue: '412907.3125',
      },
      alertCount: 1,
      alerts: [
        { productCode: 'FG-CHAIR-OAK', warehouseCode: 'MAIN', kind: 'low_stock', available: '4', threshold: '10', level: 'reorder_point', shortfall: '6' },
      ],
      apiCalls: 5,
    },
    invalid: {
      payload: {
        asOf: '2026-12-01T06:00:00.000Z',
        production: {
          total: 14,
          byStatus: { Exploded: 1 },
          quantityByStatus: {},
          dueNext7Days: { from: '2026-12-01', to: '2026-12-07', count: 0, quantity: '0' },
          late: { count: 0, quantity: '0', jobs: [] },
        },
        inventory: { products: 0, warehouses: 0, lines: 0, totalOnHand: '0', totalAllocated: '0', totalAvailable: '0', totalValue: '0' },
        alertCount: 0,
        alerts: [],
        apiCalls: 3,
      },
      path: 'production.byStatus',
    },
  },
  'unleashed:sync_error': {
    valid: { error: { code: 'AUTH_REVOKED', message: 'GET /StockOnHand/1: Unleashed refused the API id or signature (HTTP 403)' }, retryable: false },
    invalid: { payload: { error: { code: 'HTTP_403', message: 'x' }, retryable: 'no' }, path: 'retryable' },
  },
  'forecast:progress': {
    valid: { jobId: 'fc-2026-11-26-01', stage: 'fitting', progress: 0.42, done: 130, total: 310 },
    invalid: { payload: { jobId: 'fc-2026-11-26-01', stage: 'guessing', progress: 0.42 }, path: 'stage' },
  },
  'forecast:complete': {
    valid: {
      jobId: 'fc-2026-11-26-01',
      horizonDays: 2,
      historyThrough: '2026-11-26',
      skus: { total: 3, forecast: 2, insufficient_history: 1 },
      forecasts: [
        {
          sku: 'WID-BLUE-01',
          status: 'ok',
          method: 'ets',
          model: 'ETS(A,N,A)',
          confidence: 'medium',
          accuracy: { mase: 0.87, relativeMae: 0.91, coverage80: 0.76, coverage95: 0.93, origins: 3, horizon: 7, points: 21 },
          history: { from: '2025-03-02', to: '2026-11-26', days: 635 },
          points: [
            { date: '2026-11-27', mean: 41.2, lo80: 33.5, hi80: 48.9, lo95: 29.4, hi95: 53 },
            { date: '2026-11-28', mean: 38.1, lo80: 29.1, hi80: 47.2, lo95: 24.3, hi95: 51.9 },
          ],
        },
        {
          sku: 'WID-RED-02',
          status: 'ok',
          method: 'tsb',
          model: 'TSB',
          confidence: 'unknown',
          accuracy: { mase: null, relativeMae: null, coverage80: null, coverage95: null, origins: 0, horizon: 7, points: 0, reason: 'no seasonal variation to scale the error by' },
          history: { from: '2026-08-30', to: '2026-11-26', days: 89 },
          points: [
            { date: '2026-11-27', mean: 0.4, lo80: 0, hi80: 1, lo95: 0, hi95: 2 },
            { date: '2026-11-28', mean: 0.4, lo80: 0, hi80: 1, lo95: 0, hi95: 2 },
          ],
        },
      ],
      truncated: false,
      resultPath: '/api/forecast-jobs/fc-2026-11-26-01',
    },
    invalid: {
      payload: {
        jobId: 'fc-2026-11-26-01',
        horizonDays: 1,
        historyThrough: '2026-11-26',
        skus: { total: 1, forecast: 1, insufficient_history: 0 },
        forecasts: [
          {
            sku: 'WID',
            status: 'ok',
            method: 'ets',
            model: 'ETS(A,N,N)',
            confidence: 'low',
            accuracy: { mase: 1.2, relativeMae: 1.1, coverage80: 0.5, coverage95: 0.8, origins: 3, horizon: 7, points: 21 },
            history: { from: '2026-01-01', to: '2026-11-26', days: 330 },
            points: [{ date: '2026-11-27', mean: 41, lo80: 45, hi80: 44, lo95: 30, hi95: 50 }],
          },
        ],
        truncated: false,
        resultPath: '/api/forecast-jobs/fc-2026-11-26-01',
      },
      path: 'forecasts.0.points.0',
    },
  },
  'forecast:error': {
    valid: { jobId: 'fc-2026-11-26-01', error: { code: 'cancelled', message: 'cancelled by DELETE /api/forecast-jobs/fc-2026-11-26-01 after 120 of 310 SKUs' } },
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
