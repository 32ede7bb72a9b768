import { addDecimals } from '@ops/sse-events';

import type { StockOnHandLine } from '../mapping/stock-on-hand.mapper';
import type { StockTotals } from './unleashed-payload.types';

/** Totals over every product/warehouse line: quantities and value summed exactly. */
export function stockTotals(lines: readonly Pick<StockOnHandLine, 'productCode' | 'warehouseCode' | 'onHand' | 'allocated' | 'available' | 'value'>[]): StockTotals {
  return {
    products: new Set(lines.map((l) => l.productCode)).size,
    warehouses: new Set(lines.map((l) => l.warehouseCode)).size,
    lines: lines.length,
    totalOnHand: addDecimals(lines.map((l) => l.onHand)),
    totalAllocated: addDecimals(lines.map((l) => l.allocated)),
    totalAvailable: addDecimals(lines.map((l) => l.available)),
    totalValue: addDecimals(lines.map((l) => l.value)),
  };
}
