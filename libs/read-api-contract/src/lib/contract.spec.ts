import { EVENT_TYPES } from '@ops/sse-events';

import { IntegrationsResponseSchema } from './integrations.schema';
import { QUERY_INVALIDATIONS, staleResources } from './query-invalidations';
import { READ_RESOURCES, readPath } from './resources';
import { READ_RESPONSE_SCHEMAS } from './response-schemas';
import { SalesResponseSchema } from './sales.schema';
import { WorkingCapitalResponseSchema } from './working-capital.schema';

const source = { system: 'shopify', account: 'acme-uk.myshopify.com', environment: 'sandbox' } as const;
const period = { orders: 2, revenue: '20.00', netRevenue: '18.00' };
const store = {
  status: 'ok',
  source,
  syncedAt: '2026-12-02T04:00:00.000Z',
  currency: 'GBP',
  orders: 2,
  cancelledOrders: 0,
  testOrders: 1,
  products: 3,
  revenue: '20.00',
  refunds: '2.00',
  netRevenue: '18.00',
  fees: null,
  feesReason: '1 order carried no fee data',
  ordersWithoutFees: 1,
  periods: { asOf: '2026-12-02T04:00:00.000Z', timeZone: 'Europe/London', today: period, last7Days: period, last30Days: period },
};
const sales = (shopifyStore: object) => ({
  generatedAt: '2026-12-02T04:01:00.000Z',
  shopify: { status: 'configured', accounts: [shopifyStore] },
  amazon: { status: 'not_configured', reason: 'AMAZON_MARKETPLACES is not set' },
});

describe('read API contract', () => {
  it('serves every resource under /api', () => {
    expect(READ_RESOURCES.map(readPath)).toEqual([
      '/api/integrations',
      '/api/sales',
      '/api/working-capital',
      '/api/inventory',
      '/api/production',
      '/api/forecasts',
      '/api/forecast-jobs',
    ]);
    expect(Object.keys(READ_RESPONSE_SCHEMAS).sort()).toEqual([...READ_RESOURCES].sort());
  });

  it('maps every event type to the resources it makes stale', () => {
    expect(Object.keys(QUERY_INVALIDATIONS).sort()).toEqual([...EVENT_TYPES].sort());
    for (const resources of Object.values(QUERY_INVALIDATIONS)) for (const r of resources) expect(READ_RESOURCES).toContain(r);
    expect(staleResources('admin:broadcast')).toEqual([]);
    expect(staleResources('shopify:store_synced')).toEqual(['sales']);
    expect(staleResources('no:such_event')).toEqual([]);
  });

  it('accepts a null figure only with its reason', () => {
    expect(SalesResponseSchema.safeParse(sales(store)).success).toBe(true);
    const { feesReason: _reason, ...withoutReason } = store;
    const result = SalesResponseSchema.safeParse(sales(withoutReason));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe('fees is null, so feesReason must say why');
  });

  it('refuses binary floats for money and entries without a source', () => {
    expect(SalesResponseSchema.safeParse(sales({ ...store, revenue: 20 })).success).toBe(false);
    const { source: _source, ...sourceless } = store;
    expect(SalesResponseSchema.safeParse(sales(sourceless)).success).toBe(false);
  });

  it('says no_data for a configured account that has not synced', () => {
    const response = {
      generatedAt: '2026-12-02T04:01:00.000Z',
      xero: { status: 'configured', accounts: [{ status: 'no_data', source: { ...source, system: 'xero', account: 't-1' }, reason: 'no balance sheet stored yet' }] },
    };
    expect(WorkingCapitalResponseSchema.parse(response)).toEqual(response);
  });

  it('describes GET /api/integrations as sync-core serves it', () => {
    const entries = [
      { integration: 'xero', configured: false, reason: 'XERO_CLIENT_ID and XERO_CLIENT_SECRET are not set', accounts: [], lastRun: null, nextRunAt: null },
      {
        integration: 'shopify',
        configured: true,
        accounts: [{ id: 'acme-uk.myshopify.com', label: 'UK' }],
        lastRun: { status: 'failed', startedAt: '2026-12-02T04:00:00.000Z', finishedAt: '2026-12-02T04:00:05.000Z', counters: { stores: 1 }, error: { code: 'http_500', message: 'boom' } },
        nextRunAt: '2026-12-02T04:15:00.000Z',
        reauthorizationRequired: false,
      },
    ];
    expect(IntegrationsResponseSchema.parse(entries)).toEqual(entries);
    expect(IntegrationsResponseSchema.safeParse([{ ...entries[0], lastRun: { status: 'exploded' } }]).success).toBe(false);
  });

  it('requires a reason for a configured section without accounts, and only then', () => {
    const empty = { generatedAt: '2026-12-02T04:01:00.000Z', xero: { status: 'configured', accounts: [] } };
    expect(WorkingCapitalResponseSchema.safeParse(empty).success).toBe(false);
    expect(WorkingCapitalResponseSchema.safeParse({ ...empty, xero: { ...empty.xero, reason: 'no Xero tenant has synced yet' } }).success).toBe(true);
  });
});
