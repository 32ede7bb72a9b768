import type { RawStockOnHand } from '../client/unleashed.api-types';
import { parseOptionalUnleashedDate } from '../client/unleashed-dates';
import { jsonDecimal } from './json-decimal';

/** One product in one warehouse; quantities and value are exact decimal strings. */
export interface StockOnHandLine {
  productCode: string;
  productDescription: string | null;
  warehouseCode: string;
  onHand: string;
  allocated: string;
  /** Unleashed's own figure: on hand - allocated (+ assemblable where the account enables it). */
  available: string;
  /** `TotalCost`: the stock's value at average cost, in the organisation's base currency. */
  value: string;
  lastModifiedOn: Date | null;
}

export function mapStockOnHand(raw: RawStockOnHand): StockOnHandLine {
  return {
    productCode: raw.ProductCode,
    productDescription: raw.ProductDescription ?? null,
    warehouseCode: raw.WarehouseCode,
    onHand: jsonDecimal(raw.QtyOnHand),
    allocated: jsonDecimal(raw.AllocatedQty),
    available: jsonDecimal(raw.AvailableQty),
    value: jsonDecimal(raw.TotalCost),
    lastModifiedOn: parseOptionalUnleashedDate(raw.LastModifiedOn),
  };
}
