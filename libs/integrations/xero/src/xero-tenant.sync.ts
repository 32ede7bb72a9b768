import type { Envelope } from '@ops/sse-events';
import { enqueueOutbox, getLatestBalanceSheetSnapshot, saveBalanceSheetSnapshot } from '@ops/store';
import type { RunContext } from '@ops/sync-core';

import { parseBalanceSheet } from './balance-sheet/balance-sheet.parser';
import { figuresChanged, fromSnapshotFigures, toSnapshotFigures } from './balance-sheet/snapshot-figures';
import { type WorkingCapitalFigures, workingCapitalOf } from './balance-sheet/working-capital.metrics';
import type { XeroAccountingClient } from './client/xero-accounting.client';
import type { XeroTenantRef } from './client/xero-connections';

export const INTEGRATION = 'xero';

export interface TenantReading {
  tenant: XeroTenantRef;
  asOf: string;
  figures: WorkingCapitalFigures;
  previous?: WorkingCapitalFigures & { asOf: string };
}

export interface TenantOutcome {
  published: boolean;
  figures: WorkingCapitalFigures;
}

/**
 * One tenant: base currency, chart of accounts and balance sheet as at `asOf`, read into working
 * capital. In one transaction: the snapshot is stored (history), and a `working_capital:update`
 * is queued only on the tenant's first reading or when a figure differs from the last one.
 */
export async function syncTenant(
  tenant: XeroTenantRef,
  client: XeroAccountingClient,
  context: RunContext,
  asOf: string,
  updateEvent: (reading: TenantReading) => Envelope,
): Promise<TenantOutcome> {
  const organisation = await client.organisation(tenant.tenantId);
  const accounts = await client.accounts(tenant.tenantId);
  const report = await client.balanceSheet(tenant.tenantId, asOf);
  const currency = organisation.baseCurrency;
  const figures = workingCapitalOf(parseBalanceSheet(report, accounts, currency), currency);
  const named = { ...tenant, tenantName: tenant.tenantName || organisation.name };
  return context.database.transaction(async (tx) => {
    const last = await getLatestBalanceSheetSnapshot(tx, INTEGRATION, tenant.tenantId);
    await saveBalanceSheetSnapshot(tx, { integration: INTEGRATION, tenantId: tenant.tenantId, asOf, currency, figures: toSnapshotFigures(figures) });
    const changed = !last || figuresChanged(last.figures, last.currency, figures);
    if (changed) {
      const previousFigures = last ? fromSnapshotFigures(last.figures, last.currency) : undefined;
      const previous = previousFigures && last ? { ...previousFigures, asOf: last.asOf } : undefined;
      await enqueueOutbox(tx, [updateEvent({ tenant: named, asOf, figures, ...(previous ? { previous } : {}) })]);
    }
    context.progress(`${named.tenantName || tenant.tenantId}: working capital ${figures.workingCapital} ${currency}${changed ? '' : ' (unchanged, nothing published)'}`);
    return { published: changed, figures };
  });
}
