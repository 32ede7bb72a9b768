import { date, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

import { accountColumns, quantity, syncedAt, timestamptz } from './columns';

/** The latest observed quantity per SKU and location (one row each; replaced on every sync). */
export const inventorySnapshots = pgTable(
  'inventory_snapshots',
  {
    ...accountColumns(),
    sku: text('sku').notNull(),
    location: text('location').notNull(),
    quantity: quantity('quantity').notNull(),
    observedAt: timestamptz('observed_at').notNull(),
  },
  (t) => [primaryKey({ name: 'inventory_snapshots_pk', columns: [t.integration, t.accountId, t.sku, t.location] })],
);

/** Production (assembly) jobs from the ERP. */
export const assemblyJobs = pgTable(
  'assembly_jobs',
  {
    ...accountColumns(),
    externalId: text('external_id').notNull(),
    /** The ERP's own job number (`ASM-00012`), when it has one. */
    jobNumber: text('job_number'),
    status: text('status').notNull(),
    productCode: text('product_code').notNull(),
    quantity: quantity('quantity').notNull(),
    /** `YYYY-MM-DD`, or null when the ERP has no due date. */
    dueDate: date('due_date', { mode: 'string' }),
    syncedAt: syncedAt(),
  },
  (t) => [
    primaryKey({ name: 'assembly_jobs_pk', columns: [t.integration, t.accountId, t.externalId] }),
    index('assembly_jobs_status_idx').on(t.integration, t.accountId, t.status),
  ],
);

/** One forecast point: a date with the predicted quantity and its interval, decimal strings. */
export interface ForecastPoint {
  date: string;
  quantity: string;
  lower?: string;
  upper?: string;
}

/** A demand forecast per SKU produced by a forecast job. */
export const forecasts = pgTable(
  'forecasts',
  {
    jobId: text('job_id').notNull(),
    sku: text('sku').notNull(),
    horizonDays: integer('horizon_days').notNull(),
    points: jsonb('points').$type<ForecastPoint[]>().notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'forecasts_pk', columns: [t.jobId, t.sku] }),
    index('forecasts_sku_created_idx').on(t.sku, t.createdAt),
  ],
);

/** Balance-sheet figures by name (`cash`, `currentAssets`, ...), each a decimal string. */
export type BalanceSheetFigures = Record<string, string>;

/** Balance sheet per tenant and report date; a later save for the same date replaces it. */
export const balanceSheetSnapshots = pgTable(
  'balance_sheet_snapshots',
  {
    integration: text('integration').notNull(),
    tenantId: text('tenant_id').notNull(),
    /** `YYYY-MM-DD` the report is as of. */
    asOf: date('as_of', { mode: 'string' }).notNull(),
    currency: text('currency').notNull(),
    figures: jsonb('figures').$type<BalanceSheetFigures>().notNull(),
    syncedAt: syncedAt(),
  },
  (t) => [primaryKey({ name: 'balance_sheet_snapshots_pk', columns: [t.integration, t.tenantId, t.asOf] })],
);
