import type { AssemblyJobLine } from '../mapping/assembly.mapper';
import type { ProductStockLevels } from '../mapping/product-levels.mapper';
import { productionFigures } from './production.metrics';
import { reorderAlerts } from './reorder-alerts';
import { stockTotals } from './stock.metrics';

const job = (assemblyNumber: string, status: AssemblyJobLine['status'], quantity: string, dueDate: string | null): AssemblyJobLine => ({
  externalId: `guid-${assemblyNumber}`,
  assemblyNumber,
  status,
  productCode: 'FG-1',
  quantity,
  dueDate,
});

describe('productionFigures', () => {
  // Measured at 2026-12-01 09:00 UTC: today is 2026-12-01, the window runs to 2026-12-07.
  const asOf = new Date('2026-12-01T09:00:00Z');
  const jobs = [
    job('ASM-1', 'Planned', '10', '2026-11-28'), // 3 days late
    job('ASM-2', 'InProgress', '2.5', '2026-11-30'), // 1 day late
    job('ASM-3', 'Parked', '4', '2026-12-01'), // due today: not late
    job('ASM-4', 'Planned', '6', '2026-12-07'), // last day of the window
    job('ASM-5', 'Planned', '7', '2026-12-08'), // outside
    job('ASM-6', 'Completed', '3', '2026-11-01'), // completed: never late
    job('ASM-7', 'Cancelled', '1', '2026-12-02'), // cancelled: not due
    job('ASM-8', 'InProgress', '1.25', null), // no date
  ];

  it('counts by status with exact quantities', () => {
    const figures = productionFigures(jobs, asOf);
    expect(figures.total).toBe(8);
    expect(figures.byStatus).toEqual({ Planned: 3, InProgress: 2, Parked: 1, Completed: 1, Cancelled: 1 });
    expect(figures.quantityByStatus).toEqual({ Planned: '23', InProgress: '3.75', Parked: '4', Completed: '3', Cancelled: '1' });
  });

  it('finds the open jobs due today through the sixth day after', () => {
    expect(productionFigures(jobs, asOf).dueNext7Days).toEqual({ from: '2026-12-01', to: '2026-12-07', count: 2, quantity: '10' });
  });

  it('names the late open jobs, most late first', () => {
    expect(productionFigures(jobs, asOf).late).toEqual({
      count: 2,
      quantity: '12.5',
      jobs: [
        { assemblyNumber: 'ASM-1', productCode: 'FG-1', status: 'Planned', quantity: '10', assembleBy: '2026-11-28', daysLate: 3 },
        { assemblyNumber: 'ASM-2', productCode: 'FG-1', status: 'InProgress', quantity: '2.5', assembleBy: '2026-11-30', daysLate: 1 },
      ],
    });
  });

  it('answers zeros for no jobs', () => {
    expect(productionFigures([], asOf)).toEqual({
      total: 0,
      byStatus: {},
      quantityByStatus: {},
      dueNext7Days: { from: '2026-12-01', to: '2026-12-07', count: 0, quantity: '0' },
      late: { count: 0, quantity: '0', jobs: [] },
    });
  });
});

const line = (productCode: string, warehouseCode: string, available: string, onHand = available, allocated = '0', value = '0') => ({
  productCode,
  warehouseCode,
  available,
  onHand,
  allocated,
  value,
});

describe('stockTotals', () => {
  it('sums quantities and value exactly over every line', () => {
    const totals = stockTotals([
      line('A', 'MAIN', '226', '240', '14', '1755.10'),
      line('A', 'EAST', '0.3', '0.3', '0', '0.2'),
      line('B', 'MAIN', '0.1', '0.1', '0', '7.3125'),
    ]);
    expect(totals).toEqual({
      products: 2,
      warehouses: 2,
      lines: 3,
      totalOnHand: '240.4',
      totalAllocated: '14',
      totalAvailable: '226.4',
      totalValue: '1762.6125',
    });
  });
});

describe('reorderAlerts', () => {
  const levels = (productCode: string, over: Partial<ProductStockLevels> = {}): ProductStockLevels => ({
    productCode,
    obsolete: false,
    reorderPoint: null,
    minStockAlertLevel: null,
    warehouses: [],
    ...over,
  });

  it('alerts below the threshold, naming SKU, warehouse, available, threshold and shortfall', () => {
    const alerts = reorderAlerts(
      [line('A', 'MAIN', '4'), line('A', 'EAST', '9.5'), line('B', 'MAIN', '0'), line('C', 'MAIN', '-2'), line('D', 'MAIN', '10')],
      [
        levels('A', { reorderPoint: '10', minStockAlertLevel: '2', warehouses: [{ warehouseCode: 'EAST', reorderPoint: null, minStockAlertLevel: '9.75' }] }),
        levels('B', { minStockAlertLevel: '5' }),
        levels('C'), // no threshold: no alert, even with negative stock
        levels('D', { reorderPoint: '10' }), // at the threshold: not below it
      ],
    );
    expect(alerts).toEqual([
      { productCode: 'A', warehouseCode: 'MAIN', kind: 'low_stock', available: '4', threshold: '10', level: 'reorder_point', shortfall: '6' },
      { productCode: 'B', warehouseCode: 'MAIN', kind: 'out_of_stock', available: '0', threshold: '5', level: 'min_stock_alert', shortfall: '5' },
      { productCode: 'A', warehouseCode: 'EAST', kind: 'low_stock', available: '9.5', threshold: '9.75', level: 'min_stock_alert', shortfall: '0.25' },
    ]);
  });

  it('gives none for obsolete products or products it has no levels for', () => {
    expect(reorderAlerts([line('A', 'MAIN', '0'), line('Z', 'MAIN', '0')], [levels('A', { obsolete: true, reorderPoint: '5' })])).toEqual([]);
  });
});
