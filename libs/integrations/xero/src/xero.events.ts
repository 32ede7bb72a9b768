import { type EventPayload, serializeSyncError, type SyncError } from '@ops/sse-events';
import { SyncFailure } from '@ops/sync-core';

import type { WorkingCapitalFigures } from './balance-sheet/working-capital.metrics';
import type { TenantReading } from './xero-tenant.sync';

/** The `working_capital:update` payload of a tenant's reading. */
export function workingCapitalPayload(reading: TenantReading): EventPayload<'working_capital:update'> {
  return {
    tenantId: reading.tenant.tenantId,
    ...(reading.tenant.tenantName ? { tenantName: reading.tenant.tenantName.slice(0, 200) } : {}),
    ...figuresPayload(reading.figures),
    currency: reading.figures.currency,
    asOf: reading.asOf,
    ...(reading.previous ? { previous: { ...figuresPayload(reading.previous), currency: reading.previous.currency, asOf: reading.previous.asOf } } : {}),
  };
}

function figuresPayload(f: WorkingCapitalFigures) {
  return {
    workingCapital: f.workingCapital,
    currentAssets: f.currentAssets,
    currentLiabilities: f.currentLiabilities,
    cash: f.cash,
    accountsReceivable: f.accountsReceivable,
    accountsPayable: f.accountsPayable,
    inventory: f.inventory,
    otherCurrentAssets: f.otherCurrentAssets,
    otherCurrentLiabilities: f.otherCurrentLiabilities,
    currentRatio: f.currentRatio,
    quickRatio: f.quickRatio,
    ...(f.ratiosUnavailableReason ? { ratiosUnavailableReason: f.ratiosUnavailableReason } : {}),
  };
}

/**
 * The contract error of a failure: the domain error's own code where it has one
 * (`reauthorization_required`, `report_unreconciled`, `day_limit`, `RATE_LIMITED`...), the
 * message redacted as `serializeSyncError` does.
 */
export function xeroSyncError(error: unknown): SyncError {
  const serialized = serializeSyncError(error);
  return error instanceof SyncFailure ? { ...serialized, code: error.code } : serialized;
}
