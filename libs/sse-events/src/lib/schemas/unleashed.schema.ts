import { z } from 'zod';

import { DecimalStringSchema } from '../money/money.schema';
import { CountSchema, IdentifierSchema, IsoDateSchema, IsoDateTimeSchema, SyncErrorSchema } from './common.schema';

export const UnleashedSyncStartedSchema = z.strictObject({});

export const AssemblyStatusSchema = z.enum(['Parked', 'Planned', 'InProgress', 'Completed', 'Cancelled']);

/** A production job still open after its `AssembleBy` date. */
const LateAssemblySchema = z.strictObject({
  assemblyNumber: IdentifierSchema,
  productCode: IdentifierSchema,
  status: AssemblyStatusSchema,
  quantity: DecimalStringSchema,
  /** The UTC date the job was to be assembled by. */
  assembleBy: IsoDateSchema,
  daysLate: CountSchema,
});

/**
 * Available stock below the product's threshold in one warehouse. `threshold` is the warehouse's
 * own level when the account keeps one, else the product's; `level` says which field it is
 * (the reorder point when set, else the minimum stock alert level). `shortfall` = threshold - available.
 */
const StockAlertSchema = z.strictObject({
  productCode: IdentifierSchema,
  warehouseCode: IdentifierSchema,
  kind: z.enum(['low_stock', 'out_of_stock']),
  available: DecimalStringSchema,
  threshold: DecimalStringSchema,
  level: z.enum(['reorder_point', 'min_stock_alert']),
  shortfall: DecimalStringSchema,
});

/**
 * Quantities are decimal strings: Unleashed allows fractional units (kg, m). Stock value is the
 * sum of `TotalCost` (average cost) in the organisation's base currency, exact.
 */
export const UnleashedSyncCompletedSchema = z.strictObject({
  /** The instant production dates were measured from; dates are UTC calendar dates. */
  asOf: IsoDateTimeSchema,
  production: z.strictObject({
    total: CountSchema,
    byStatus: z.partialRecord(AssemblyStatusSchema, CountSchema),
    quantityByStatus: z.partialRecord(AssemblyStatusSchema, DecimalStringSchema),
    /** Open jobs whose `AssembleBy` falls from `from` through `to` (today and the next six days). */
    dueNext7Days: z.strictObject({ from: IsoDateSchema, to: IsoDateSchema, count: CountSchema, quantity: DecimalStringSchema }),
    /** Open jobs (Parked, Planned, InProgress) whose `AssembleBy` date has passed; `jobs` lists at most 1000, most late first. */
    late: z.strictObject({ count: CountSchema, quantity: DecimalStringSchema, jobs: z.array(LateAssemblySchema).max(1000) }),
  }),
  inventory: z.strictObject({
    /** Distinct products with a stock-on-hand row. */
    products: CountSchema,
    warehouses: CountSchema,
    /** Product/warehouse rows. */
    lines: CountSchema,
    totalOnHand: DecimalStringSchema,
    totalAllocated: DecimalStringSchema,
    totalAvailable: DecimalStringSchema,
    totalValue: DecimalStringSchema,
  }),
  /** How many alerts there are in all; `alerts` lists at most 1000, largest shortfall first. */
  alertCount: CountSchema,
  alerts: z.array(StockAlertSchema).max(1000),
  /** Requests this run made (retries included): Unleashed bills them against a monthly quota. */
  apiCalls: CountSchema,
});

export const UnleashedSyncErrorSchema = z.strictObject({
  error: SyncErrorSchema,
  retryable: z.boolean(),
});
