import type { UnleashedDataset } from './unleashed-dataset';
import { expectedUnleashedFigures } from './unleashed-expected';

const DAY = 86_400_000;
const asOf = new Date('2026-12-01T09:00:00Z');
const midnight = Date.parse('2026-12-01T00:00:00Z');

// Two products, three stock lines, three jobs: every figure below is worked out by hand.
const dataset: UnleashedDataset = {
  warehouses: ['MAIN', 'EAST'],
  products: [
    { guid: 'g1', code: 'A', description: 'a', reorderPointQ: 40, minStockAlertLevelQ: 8, warehouses: [{ warehouseCode: 'EAST', reorderPointQ: null, minStockAlertLevelQ: 2 }], obsolete: false, modifiedMs: 0 },
    { guid: 'g2', code: 'B', description: 'b', reorderPointQ: null, minStockAlertLevelQ: null, warehouses: [], obsolete: false, modifiedMs: 0 },
  ],
  stock: [
    // A@MAIN: on hand 9.5, allocated 1.25 -> available 8.25 < reorder point 10: shortfall 1.75.
    { productGuid: 'g1', productCode: 'A', warehouseCode: 'MAIN', onHandQ: 38, allocatedQ: 5, totalCostCents: 12345, modifiedMs: 0 },
    // A@EAST: available 0.75 >= its own minimum 0.5: no alert.
    { productGuid: 'g1', productCode: 'A', warehouseCode: 'EAST', onHandQ: 3, allocatedQ: 0, totalCostCents: 5, modifiedMs: 0 },
    // B@MAIN: no threshold, no alert.
    { productGuid: 'g2', productCode: 'B', warehouseCode: 'MAIN', onHandQ: 0, allocatedQ: 0, totalCostCents: 0, modifiedMs: 0 },
  ],
  assemblies: [
    { guid: 'j1', number: 'ASM-1', status: 'In Progress', productCode: 'A', quantityQ: 10, assembleByMs: midnight - 2 * DAY, modifiedMs: 0 },
    { guid: 'j2', number: 'ASM-2', status: 'Planned', productCode: 'A', quantityQ: 6, assembleByMs: midnight + 6 * DAY, modifiedMs: 0 },
    { guid: 'j3', number: 'ASM-3', status: 'Completed', productCode: 'B', quantityQ: 4, assembleByMs: midnight - 9 * DAY, modifiedMs: 0 },
  ],
};

describe('expectedUnleashedFigures (the sandbox oracle)', () => {
  it('matches figures worked out by hand', () => {
    expect(expectedUnleashedFigures(dataset, asOf)).toEqual({
      production: {
        total: 3,
        byStatus: { InProgress: 1, Planned: 1, Completed: 1 },
        quantityByStatus: { InProgress: '2.5', Planned: '1.5', Completed: '1' },
        dueNext7Days: { from: '2026-12-01', to: '2026-12-07', count: 1, quantity: '1.5' },
        late: { count: 1, quantity: '2.5', jobs: [{ assemblyNumber: 'ASM-1', daysLate: 2 }] },
      },
      inventory: {
        products: 2,
        warehouses: 2,
        lines: 3,
        totalOnHand: '10.25',
        totalAllocated: '1.25',
        totalAvailable: '9',
        totalValue: '123.5',
      },
      alerts: [{ productCode: 'A', warehouseCode: 'MAIN', available: '8.25', threshold: '10', shortfall: '1.75', level: 'reorder_point' }],
    });
  });
});
