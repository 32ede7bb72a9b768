import type { TenantWorkingCapital, WorkingCapitalPoint } from '@ops/read-api-contract';
import type { Envelope } from '@ops/sse-events';
import type { BalanceSheetSnapshot } from '@ops/store';

import type { ConfiguredAccount } from '../sources/read-sources';
import { noData, okEntry, olderVersionReason } from './entries';

/** The amounts every stored snapshot has (the Xero worker's `toSnapshotFigures`). */
const AMOUNTS = [
  'workingCapital',
  'currentAssets',
  'currentLiabilities',
  'cash',
  'accountsReceivable',
  'accountsPayable',
  'inventory',
  'otherCurrentAssets',
  'otherCurrentLiabilities',
] as const;

type Amounts = Record<(typeof AMOUNTS)[number], string>;

function amountsOf(figures: Record<string, string>): Amounts | string[] {
  const missing = AMOUNTS.filter((key) => typeof figures[key] !== 'string');
  return missing.length > 0 ? missing : (Object.fromEntries(AMOUNTS.map((key) => [key, figures[key]])) as Amounts);
}

/** The worker stores a ratio only when current liabilities are positive; otherwise this says why, as its events do. */
export function ratioReason(currentLiabilities: string): string {
  if (/^-?0+(\.0+)?$/.test(currentLiabilities)) return 'current liabilities are zero';
  if (currentLiabilities.startsWith('-')) return 'current liabilities are negative';
  return 'the stored balance sheet has no ratio';
}

/** The history point of a snapshot, or undefined when it lacks a figure. */
function pointOf(snapshot: BalanceSheetSnapshot): WorkingCapitalPoint | undefined {
  const amounts = amountsOf(snapshot.figures);
  if (Array.isArray(amounts)) return undefined;
  return {
    asOf: snapshot.asOf,
    syncedAt: snapshot.syncedAt.toISOString(),
    currency: snapshot.currency,
    workingCapital: amounts.workingCapital,
    currentAssets: amounts.currentAssets,
    currentLiabilities: amounts.currentLiabilities,
  };
}

/**
 * A Xero tenant's working capital from its stored balance sheets (oldest first): the latest is the
 * figures, all of them the history. `latestUpdate` (its last `working_capital:update`) gives the
 * tenant's name and the environment the figures came from. Pure.
 */
export function tenantWorkingCapital(
  account: ConfiguredAccount,
  snapshots: readonly BalanceSheetSnapshot[],
  latestUpdate: Envelope<'working_capital:update'> | undefined,
): TenantWorkingCapital {
  const tenantName = latestUpdate?.payload.tenantName;
  const latest = snapshots.at(-1);
  if (!latest) return noData('xero', account, 'no balance sheet of this tenant has been stored yet', tenantName);
  if (latestUpdate && latestUpdate.source.environment !== account.environment) {
    return noData(
      'xero',
      account,
      `the stored balance sheets are ${latestUpdate.source.environment} data, but Xero is now configured for ${account.environment}`,
      tenantName,
    );
  }
  const amounts = amountsOf(latest.figures);
  if (Array.isArray(amounts)) return noData('xero', account, olderVersionReason(amounts), tenantName);
  const { currentRatio, quickRatio } = latest.figures;
  return {
    ...okEntry('xero', account, latest.syncedAt.toISOString(), tenantName),
    currency: latest.currency,
    asOf: latest.asOf,
    ...amounts,
    ...(currentRatio === undefined ? { currentRatio: null, currentRatioReason: ratioReason(amounts.currentLiabilities) } : { currentRatio: Number(currentRatio) }),
    ...(quickRatio === undefined ? { quickRatio: null, quickRatioReason: ratioReason(amounts.currentLiabilities) } : { quickRatio: Number(quickRatio) }),
    history: snapshots.flatMap((s) => pointOf(s) ?? []),
  };
}
