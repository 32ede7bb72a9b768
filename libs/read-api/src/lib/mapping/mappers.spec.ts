import { createEnvelope } from '@ops/sse-events';
import type { BalanceSheetSnapshot } from '@ops/store';

import type { ConfiguredAccount } from '../sources/read-sources';
import { actualsOf, addDays, topForecasts } from './forecasts.mapper';
import { unleashedProduction } from './production.mapper';
import { amazonMarketplaceSales } from './sales.mapper';
import { ratioReason, tenantWorkingCapital } from './working-capital.mapper';

const sandboxAccount = (id: string): ConfiguredAccount => ({ id, environment: 'sandbox' });

describe('read mappers', () => {
  it('never shows one environment\'s figures as the other\'s', () => {
    const event = createEnvelope('unleashed:sync_completed', { system: 'unleashed', account: 'main', environment: 'sandbox' }, {
      asOf: '2026-12-01T00:00:00.000Z',
      production: {
        total: 0,
        byStatus: {},
        quantityByStatus: {},
        dueNext7Days: { from: '2026-12-01', to: '2026-12-07', count: 0, quantity: '0' },
        late: { count: 0, quantity: '0', jobs: [] },
      },
      inventory: { products: 0, warehouses: 0, lines: 0, totalOnHand: '0', totalAllocated: '0', totalAvailable: '0', totalValue: '0' },
      alertCount: 0,
      alerts: [],
      apiCalls: 3,
    });
    expect(unleashedProduction({ id: 'main', environment: 'production' }, event)).toEqual({
      status: 'no_data',
      source: { system: 'unleashed', account: 'main', environment: 'production' },
      reason: 'the stored figures are sandbox data, but this account is now configured for production; they appear after its next sync',
    });
    expect(unleashedProduction(sandboxAccount('main'), event).status).toBe('ok');
  });

  it('gives Amazon revenue in the marketplace currency, or null with a reason when orders were paid in others too', () => {
    const source = { system: 'amazon', account: 'M1', environment: 'sandbox' } as const;
    const payload = { marketplace: 'M1', currency: 'GBP', windowDays: 30, since: '2026-11-01T00:00:00.000Z', totalOrders: 0, totalRevenue: {}, units: 0, canceledOrders: 0, pendingOrders: 0, pendingUnits: 0 };
    const none = amazonMarketplaceSales(sandboxAccount('M1'), createEnvelope('amazon:orders_synced', source, payload));
    expect(none).toMatchObject({ status: 'ok', orders: 0, revenue: '0.00' });
    const mixed = amazonMarketplaceSales(sandboxAccount('M1'), createEnvelope('amazon:orders_synced', source, { ...payload, totalOrders: 2, totalRevenue: { GBP: '1.00', EUR: '2.00' } }));
    expect(mixed).toMatchObject({ revenue: null, revenueReason: 'orders were paid in EUR besides GBP; see revenueByCurrency' });
    const old = amazonMarketplaceSales(sandboxAccount('M1'), createEnvelope('amazon:orders_synced', source, { marketplace: 'M1', totalOrders: 1, totalRevenue: { GBP: '1.00' } }));
    expect(old).toMatchObject({ status: 'no_data', reason: expect.stringMatching(/^the stored figures lack currency, windowDays/) });
  });

  it('says why working-capital ratios are missing, as the Xero worker does', () => {
    expect([ratioReason('0.00'), ratioReason('-0.00'), ratioReason('-12.00'), ratioReason('5.00')]).toEqual([
      'current liabilities are zero',
      'current liabilities are zero',
      'current liabilities are negative',
      'the stored balance sheet has no ratio',
    ]);
    const figures = {
      workingCapital: '10.00', currentAssets: '10.00', currentLiabilities: '0.00', cash: '10.00', accountsReceivable: '0.00',
      accountsPayable: '0.00', inventory: '0.00', otherCurrentAssets: '0.00', otherCurrentLiabilities: '0.00',
    };
    const snapshot: BalanceSheetSnapshot = { integration: 'xero', tenantId: 't1', asOf: '2026-12-01', currency: 'GBP', figures, syncedAt: new Date('2026-12-01T10:00:00Z') };
    expect(tenantWorkingCapital(sandboxAccount('t1'), [snapshot], undefined)).toMatchObject({
      status: 'ok',
      currentRatio: null,
      currentRatioReason: 'current liabilities are zero',
      quickRatio: null,
      quickRatioReason: 'current liabilities are zero',
      history: [{ asOf: '2026-12-01', workingCapital: '10.00' }],
    });
  });

  it('dates the last days of a SKU\'s daily units and picks the largest forecasts first', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(actualsOf({ sku: 'A', from: '2026-11-28', through: '2026-12-01', units: [1, 0, 3, 2] }, 2)).toEqual([
      { date: '2026-11-30', units: 3 },
      { date: '2026-12-01', units: 2 },
    ]);
    const result = (sku: string, mean: number, status = 'ok') =>
      ({ sku, status, points: status === 'ok' ? [{ date: '2026-12-02', mean, lo80: 0, hi80: mean, lo95: 0, hi95: mean }] : null }) as never;
    expect(topForecasts([result('B', 1), result('A', 5), result('C', 5), result('D', 0, 'insufficient_history')], 2).map((r: { sku: string }) => r.sku)).toEqual(['A', 'C']);
  });
});
