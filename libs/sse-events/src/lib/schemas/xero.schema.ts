import { z } from 'zod';

import { CurrencyCodeSchema, DecimalStringSchema } from '../money/money.schema';
import { IdentifierSchema, IsoDateSchema, SyncErrorSchema } from './common.schema';

const TenantRefSchema = z.strictObject({
  tenantId: IdentifierSchema,
  tenantName: z.string().max(200).optional(),
});

export const XeroSyncStartedSchema = z.strictObject({
  tenants: z.array(TenantRefSchema).max(100),
});

/** Ratios are `null` when current liabilities are zero: there is no honest number to show. */
export const WorkingCapitalUpdateSchema = z.strictObject({
  tenantId: IdentifierSchema.optional(),
  workingCapital: DecimalStringSchema,
  currentAssets: DecimalStringSchema,
  currentLiabilities: DecimalStringSchema,
  cash: DecimalStringSchema,
  accountsReceivable: DecimalStringSchema,
  accountsPayable: DecimalStringSchema,
  inventory: DecimalStringSchema,
  currentRatio: z.number().finite().nonnegative().nullable(),
  quickRatio: z.number().finite().nonnegative().nullable(),
  currency: CurrencyCodeSchema,
  asOf: IsoDateSchema,
});

export const XeroSyncErrorSchema = z.strictObject({
  tenant: IdentifierSchema.optional(),
  error: SyncErrorSchema,
  retryable: z.boolean(),
});
