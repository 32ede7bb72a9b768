import type { RawProduct } from '../client/unleashed.api-types';
import { jsonDecimal } from './json-decimal';

/** A stock level: the reorder point and the minimum stock alert level, each null when not set. */
export interface StockLevel {
  reorderPoint: string | null;
  minStockAlertLevel: string | null;
}

/** A product's stock levels: its own, and per warehouse where the account keeps them. */
export interface ProductStockLevels extends StockLevel {
  productCode: string;
  obsolete: boolean;
  warehouses: (StockLevel & { warehouseCode: string })[];
}

const optional = (value: number | null | undefined) => (value === null || value === undefined ? null : jsonDecimal(value));

export function mapProductLevels(raw: RawProduct): ProductStockLevels {
  return {
    productCode: raw.ProductCode,
    obsolete: raw.Obsolete === true,
    reorderPoint: optional(raw.ReOrderPoint),
    minStockAlertLevel: optional(raw.MinStockAlertLevel),
    warehouses: (raw.InventoryDetails ?? []).map((w) => ({
      warehouseCode: w.WarehouseCode,
      reorderPoint: optional(w.ReOrderPoint),
      minStockAlertLevel: optional(w.MinStockAlertLevel),
    })),
  };
}
