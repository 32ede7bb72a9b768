import { lowStockItems } from './low-stock.metrics';
import { ratioToDecimal } from './ratio';

const RULE = { days: 14, units: 10, windowDays: 30 };

describe('lowStockItems', () => {
  it.each([
    // sku, fulfillable, units sold in 30 days -> expected (null: not low)
    ['sold 30 (1/day), 13 left: 13 days of cover < 14', 13, 30, { dailyRate: '1.00', daysOfCover: '13.0', rule: 'days_of_cover' }],
    ['sold 30 (1/day), 14 left: exactly 14 days is not below', 14, 30, null],
    ['sold 7 (0.23/day), 3 left: 12.9 days', 3, 7, { dailyRate: '0.23', daysOfCover: '12.9', rule: 'days_of_cover' }],
    ['sold 1, 0 left: 0 days', 0, 1, { dailyRate: '0.03', daysOfCover: '0.0', rule: 'days_of_cover' }],
    ['sold 1, 5 left: 150 days, fine although under the unit threshold', 5, 1, null],
    ['no sales, 9 left: below 10 units', 9, 0, { dailyRate: null, daysOfCover: null, rule: 'units' }],
    ['no sales, 10 left: not below 10 units', 10, 0, null],
  ])('%s', (_name, fulfillable, sold, expected) => {
    const items = lowStockItems('A1F83G8C2ARO7P', [{ sku: 'S1', asin: 'B0TEST', fulfillable }], new Map(sold ? [['S1', sold]] : []), RULE);
    expect(items).toEqual(expected ? [{ sku: 'S1', asin: 'B0TEST', marketplace: 'A1F83G8C2ARO7P', quantity: fulfillable, ...expected }] : []);
  });

  it('lists by SKU', () => {
    const stock = [
      { sku: 'B', fulfillable: 0 },
      { sku: 'A', fulfillable: 1 },
    ];
    expect(lowStockItems('M', stock, new Map(), RULE).map((i) => i.sku)).toEqual(['A', 'B']);
  });
});

describe('ratioToDecimal', () => {
  it.each([
    [1, 30, 2, '0.03'],
    [1, 200, 2, '0.01'],
    [1, 201, 2, '0.00'],
    [390, 30, 1, '13.0'],
    [90, 7, 1, '12.9'],
    [5, 2, 0, '3'],
  ])('%i / %i to %i decimals = %s', (n, d, digits, expected) => expect(ratioToDecimal(n, d, digits)).toBe(expected));
});
