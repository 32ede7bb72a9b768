import { parseDecimal, subtractDecimals } from '@ops/sse-events';

import type { ProductStockLevels, StockLevel } from '../mapping/product-levels.mapper';
import type { StockOnHandLine } from '../mapping/stock-on-hand.mapper';
import type { StockAlert } from './unleashed-payload.types';

/** Alerts listed in one event; `alertCount` covers them all. */
export const MAX_ALERTS = 1000;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const isNegative = (value: string) => parseDecimal(value).units < 0n;
const isPositive = (value: string) => parseDecimal(value).units > 0n;

/** The level that applies: the reorder point when set, else the minimum stock alert level. */
function thresholdOf(level: StockLevel): Pick<StockAlert, 'threshold' | 'level'> | undefined {
  if (level.reorderPoint !== null) return { threshold: level.reorderPoint, level: 'reorder_point' };
  if (level.minStockAlertLevel !== null) return { threshold: level.minStockAlertLevel, level: 'min_stock_alert' };
  return undefined;
}

/**
 * One alert per product/warehouse whose available quantity is below its threshold: the
 * warehouse's own stock level when the product has one for that warehouse, else the product's.
 * No threshold, no alert (never a guessed one); obsolete products and products without a stock
 * line (Unleashed omits never-transacted products) get none either. Sorted by shortfall, largest
 * first, then by product and warehouse.
 */
export function reorderAlerts(lines: readonly Pick<StockOnHandLine, 'productCode' | 'warehouseCode' | 'available'>[], products: readonly ProductStockLevels[]): StockAlert[] {
  const byCode = new Map(products.map((p) => [p.productCode, p]));
  const alerts: StockAlert[] = [];
  for (const line of lines) {
    const product = byCode.get(line.productCode);
    if (!product || product.obsolete) continue;
    const own = product.warehouses.find((w) => w.warehouseCode === line.warehouseCode);
    const applied = (own && thresholdOf(own)) ?? thresholdOf(product);
    if (!applied) continue;
    const shortfall = subtractDecimals(applied.threshold, line.available);
    if (!isPositive(shortfall)) continue;
    alerts.push({
      productCode: line.productCode,
      warehouseCode: line.warehouseCode,
      kind: isPositive(line.available) ? 'low_stock' : 'out_of_stock',
      available: line.available,
      ...applied,
      shortfall,
    });
  }
  return alerts.sort(
    (a, b) =>
      compareDecimals(b.shortfall, a.shortfall) || byText(a.productCode, b.productCode) || byText(a.warehouseCode, b.warehouseCode),
  );
}

function compareDecimals(a: string, b: string): number {
  const difference = subtractDecimals(a, b);
  return isNegative(difference) ? -1 : isPositive(difference) ? 1 : 0;
}
