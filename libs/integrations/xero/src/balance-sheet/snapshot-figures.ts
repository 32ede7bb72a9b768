import type { WorkingCapitalFigures } from './working-capital.metrics';

/** The figures a snapshot stores: every amount, and the ratios written as decimals (absent when null). */
export function toSnapshotFigures(figures: WorkingCapitalFigures): Record<string, string> {
  const { currency: _currency, currentRatio, quickRatio, ratiosUnavailableReason: _reason, ...amounts } = figures;
  return {
    ...amounts,
    ...(currentRatio === null ? {} : { currentRatio: String(currentRatio) }),
    ...(quickRatio === null ? {} : { quickRatio: String(quickRatio) }),
  };
}

/** A stored snapshot read back as figures, or undefined when it lacks one (written by another version). */
export function fromSnapshotFigures(stored: Record<string, string>, currency: string): WorkingCapitalFigures | undefined {
  const keys = ['cash', 'accountsReceivable', 'inventory', 'otherCurrentAssets', 'currentAssets', 'accountsPayable', 'otherCurrentLiabilities', 'currentLiabilities', 'workingCapital'] as const;
  if (keys.some((key) => typeof stored[key] !== 'string')) return undefined;
  const ratio = (value: string | undefined) => (value === undefined ? null : Number(value));
  const currentRatio = ratio(stored['currentRatio']);
  return {
    currency,
    cash: stored['cash'],
    accountsReceivable: stored['accountsReceivable'],
    inventory: stored['inventory'],
    otherCurrentAssets: stored['otherCurrentAssets'],
    currentAssets: stored['currentAssets'],
    accountsPayable: stored['accountsPayable'],
    otherCurrentLiabilities: stored['otherCurrentLiabilities'],
    currentLiabilities: stored['currentLiabilities'],
    workingCapital: stored['workingCapital'],
    currentRatio,
    quickRatio: ratio(stored['quickRatio']),
  };
}

/** True when any figure differs (or the currency does). */
export function figuresChanged(previous: Record<string, string>, previousCurrency: string, next: WorkingCapitalFigures): boolean {
  if (previousCurrency !== next.currency) return true;
  const now = toSnapshotFigures(next);
  const keys = new Set([...Object.keys(previous), ...Object.keys(now)]);
  return [...keys].some((key) => previous[key] !== now[key]);
}
