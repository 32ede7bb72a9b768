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

/** The figures of a working-capital reading: exact decimal strings in the organisation's base currency. */
const WorkingCapitalFiguresSchema = z.strictObject({
  workingCapital: DecimalStringSchema,
  currentAssets: DecimalStringSchema,
  currentLiabilities: DecimalStringSchema,
  cash: DecimalStringSchema,
  accountsReceivable: DecimalStringSchema,
  accountsPayable: DecimalStringSchema,
  inventory: DecimalStringSchema,
  /** Current assets that are not cash, receivables or inventory (prepayments, sundry debtors). */
  otherCurrentAssets: DecimalStringSchema.optional(),
  /** Current liabilities other than accounts payable (tax, accruals). */
  otherCurrentLiabilities: DecimalStringSchema.optional(),
  /** Current assets / current liabilities, 4 places; `null` when liabilities are not positive. */
  currentRatio: z.number().finite().nullable(),
  /** (Current assets - inventory) / current liabilities, 4 places; `null` as `currentRatio`. */
  quickRatio: z.number().finite().nullable(),
  /** Why the ratios are `null` (e.g. `current liabilities are zero`); absent when they are numbers. */
  ratiosUnavailableReason: z.string().max(200).optional(),
});

/**
 * One tenant's working capital from its balance sheet. Sent on a tenant's first sync and whenever
 * a figure changed; `previous` is the last published reading (absent on the first).
 */
export const WorkingCapitalUpdateSchema = WorkingCapitalFiguresSchema.extend({
  tenantId: IdentifierSchema.optional(),
  tenantName: z.string().max(200).optional(),
  currency: CurrencyCodeSchema,
  /** The balance-sheet date (`YYYY-MM-DD`). */
  asOf: IsoDateSchema,
  previous: WorkingCapitalFiguresSchema.extend({ asOf: IsoDateSchema, currency: CurrencyCodeSchema }).optional(),
});

/**
 * A failed sync or tenant. Codes of note: `reauthorization_required` (the grant is dead: run
 * `npm run connect -- xero`; not retryable), `report_unreconciled` (the balance sheet does not add up
 * the way it was read; nothing was published), `day_limit` (the tenant's daily call limit is spent).
 */
export const XeroSyncErrorSchema = z.strictObject({
  tenant: IdentifierSchema.optional(),
  tenantName: z.string().max(200).optional(),
  error: SyncErrorSchema,
  retryable: z.boolean(),
});
