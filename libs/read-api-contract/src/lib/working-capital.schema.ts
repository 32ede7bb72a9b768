import { eventSchemas, IsoDateTimeSchema } from '@ops/sse-events';
import { z } from 'zod';

import { accountEntrySchema, OptionalReasonSchema, sectionsResponseSchema } from './sections.schema';

const { currency, asOf, otherCurrentAssets, otherCurrentLiabilities, currentRatio, quickRatio, ...amounts } = eventSchemas['working_capital:update'].omit({
  tenantId: true,
  tenantName: true,
  previous: true,
  ratiosUnavailableReason: true,
}).shape;

/** One stored balance-sheet reading of a tenant, for the history chart. */
export const WorkingCapitalPointSchema = z.strictObject({
  asOf,
  syncedAt: IsoDateTimeSchema,
  currency,
  workingCapital: amounts.workingCapital,
  currentAssets: amounts.currentAssets,
  currentLiabilities: amounts.currentLiabilities,
});

/**
 * A Xero tenant's working capital from its latest stored balance sheet (`asOf` is the report
 * date), exact decimal strings in the organisation's base currency. Ratios are null (with a
 * reason) when current liabilities are not positive. `history` is every stored reading, oldest first.
 */
export const TenantWorkingCapitalSchema = accountEntrySchema({
  currency,
  asOf,
  ...amounts,
  otherCurrentAssets: otherCurrentAssets.unwrap(),
  otherCurrentLiabilities: otherCurrentLiabilities.unwrap(),
  currentRatio,
  currentRatioReason: OptionalReasonSchema,
  quickRatio,
  quickRatioReason: OptionalReasonSchema,
  history: z.array(WorkingCapitalPointSchema).max(1000),
});

/** `GET /api/working-capital`. */
export const WorkingCapitalResponseSchema = sectionsResponseSchema({ xero: TenantWorkingCapitalSchema });

export type WorkingCapitalPoint = z.infer<typeof WorkingCapitalPointSchema>;
export type TenantWorkingCapital = z.infer<typeof TenantWorkingCapitalSchema>;
export type WorkingCapitalResponse = z.infer<typeof WorkingCapitalResponseSchema>;
