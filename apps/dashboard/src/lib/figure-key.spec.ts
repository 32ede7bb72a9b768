import { inventoryKey, productionKey, salesKey, salesPeriodKey, workingCapitalKey } from './figure-key';

describe('figure keys', () => {
  it('builds the keys browser tests select by', () => {
    expect(salesKey('shopify', 'uk-store', 'orders')).toBe('sales.shopify.uk-store.orders');
    expect(salesPeriodKey('amazon', 'A1F83G8C2ARO7P', 'last7Days', 'revenue')).toBe('sales.amazon.A1F83G8C2ARO7P.last7Days.revenue');
    expect(workingCapitalKey('tenant-1', 'currentRatio')).toBe('working-capital.tenant-1.currentRatio');
    expect(inventoryKey('unleashed', 'main', 'totalQuantity')).toBe('inventory.unleashed.main.totalQuantity');
    expect(productionKey('main', 'late')).toBe('production.main.late');
  });
});
