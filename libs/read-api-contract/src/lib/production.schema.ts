import { CountSchema, DecimalStringSchema, eventSchemas, IsoDateSchema, IsoDateTimeSchema } from '@ops/sse-events';
import type { z } from 'zod';

import { accountEntrySchema, sectionsResponseSchema } from './sections.schema';

const production = eventSchemas['unleashed:sync_completed'].shape.production.shape;

/**
 * An Unleashed organisation's assembly jobs as its last sync computed them (the
 * `unleashed:sync_completed` policy), dates being UTC calendar dates measured from `asOf`.
 * Late: open jobs (Parked, Planned, InProgress) past their `AssembleBy` date; `lateJobs` lists at
 * most 1000, most late first; `lateCount` is exact.
 */
export const UnleashedProductionSchema = accountEntrySchema({
  asOf: IsoDateTimeSchema,
  total: CountSchema,
  byStatus: production.byStatus,
  quantityByStatus: production.quantityByStatus,
  dueNext7DaysFrom: IsoDateSchema,
  dueNext7DaysTo: IsoDateSchema,
  dueNext7DaysCount: CountSchema,
  dueNext7DaysQuantity: DecimalStringSchema,
  lateCount: CountSchema,
  lateQuantity: DecimalStringSchema,
  lateJobs: production.late.shape.jobs,
});

/** `GET /api/production`. */
export const ProductionResponseSchema = sectionsResponseSchema({ unleashed: UnleashedProductionSchema });

export type UnleashedProduction = z.infer<typeof UnleashedProductionSchema>;
export type ProductionResponse = z.infer<typeof ProductionResponseSchema>;
