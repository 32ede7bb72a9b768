import { z } from 'zod';

import { DecimalStringSchema } from '../money/money.schema';
import { CountSchema, IdentifierSchema, SyncErrorSchema } from './common.schema';

export const UnleashedSyncStartedSchema = z.strictObject({});

const AssemblyStatusSchema = z.enum(['Parked', 'Planned', 'InProgress', 'Completed', 'Cancelled']);

const StockAlertSchema = z.strictObject({
  productCode: IdentifierSchema,
  kind: z.enum(['low_stock', 'out_of_stock']),
  quantity: DecimalStringSchema,
  threshold: DecimalStringSchema,
});

/** Quantities are decimal strings: Unleashed allows fractional units (kg, m). */
export const UnleashedSyncCompletedSchema = z.strictObject({
  production: z.strictObject({
    total: CountSchema,
    byStatus: z.partialRecord(AssemblyStatusSchema, CountSchema),
  }),
  inventory: z.strictObject({
    products: CountSchema,
    totalOnHand: DecimalStringSchema,
  }),
  alerts: z.array(StockAlertSchema).max(1000),
});

export const UnleashedSyncErrorSchema = z.strictObject({
  error: SyncErrorSchema,
  retryable: z.boolean(),
});
