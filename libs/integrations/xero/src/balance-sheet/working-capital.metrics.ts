import { fromMinorUnits } from '@ops/sse-events';

import { CURRENT_ASSET_CLASSES, CURRENT_LIABILITY_CLASSES, type LineClass } from './account-classes';
import type { BalanceSheetLine, BalanceSheetSection } from './balance-sheet.parser';
import { ReportUnreconciledError } from './report-errors';

/** Working-capital figures of one balance sheet: exact decimal strings in `currency`. */
export interface WorkingCapitalFigures {
  currency: string;
  cash: string;
  accountsReceivable: string;
  inventory: string;
  otherCurrentAssets: string;
  currentAssets: string;
  accountsPayable: string;
  otherCurrentLiabilities: string;
  currentLiabilities: string;
  workingCapital: string;
  /** Current assets / current liabilities, 4 places; null (see `ratiosUnavailableReason`) without positive liabilities. */
  currentRatio: number | null;
  /** (Current assets - inventory) / current liabilities, 4 places; null as `currentRatio`. */
  quickRatio: number | null;
  ratiosUnavailableReason?: string;
}

type Bucket = Exclude<LineClass, 'nonCurrent'>;

/**
 * Working capital from classified sections. Every section holding a current line must hold only
 * lines of that side (current assets, or current liabilities), and those lines must add up to the
 * section's own total row; otherwise the report is not published.
 * @throws ReportUnreconciledError naming the section that does not reconcile.
 */
export function workingCapitalOf(sections: readonly BalanceSheetSection[], currency: string): WorkingCapitalFigures {
  const sums = new Map<Bucket, bigint>();
  for (const section of sections) {
    const side = sideOf(section);
    if (!side) continue;
    reconcile(section, side, currency);
    for (const line of section.lines) {
      const bucket = line.lineClass as Bucket;
      sums.set(bucket, (sums.get(bucket) ?? 0n) + line.units);
    }
  }
  const get = (bucket: Bucket) => sums.get(bucket) ?? 0n;
  const currentAssets = CURRENT_ASSET_CLASSES.reduce((sum, c) => sum + get(c as Bucket), 0n);
  const currentLiabilities = CURRENT_LIABILITY_CLASSES.reduce((sum, c) => sum + get(c as Bucket), 0n);
  const money = (units: bigint) => fromMinorUnits(units, currency);
  const ratiosUnavailableReason =
    currentLiabilities === 0n
      ? 'current liabilities are zero'
      : currentLiabilities < 0n
        ? 'current liabilities are negative'
        : undefined;
  return {
    currency,
    cash: money(get('cash')),
    accountsReceivable: money(get('accountsReceivable')),
    inventory: money(get('inventory')),
    otherCurrentAssets: money(get('otherCurrentAssets')),
    currentAssets: money(currentAssets),
    accountsPayable: money(get('accountsPayable')),
    otherCurrentLiabilities: money(get('otherCurrentLiabilities')),
    currentLiabilities: money(currentLiabilities),
    workingCapital: money(currentAssets - currentLiabilities),
    currentRatio: ratiosUnavailableReason ? null : ratio(currentAssets, currentLiabilities),
    quickRatio: ratiosUnavailableReason ? null : ratio(currentAssets - get('inventory'), currentLiabilities),
    ...(ratiosUnavailableReason ? { ratiosUnavailableReason } : {}),
  };
}

/** `a / b` rounded half away from zero to 4 decimal places, computed on integers. */
export function ratio(a: bigint, b: bigint): number {
  const doubled = (a * 20_000n) / b;
  const rounded = (doubled + (doubled >= 0n ? 1n : -1n)) / 2n;
  return Number(rounded) / 10_000;
}

function isAsset(line: BalanceSheetLine): boolean {
  return line.lineClass !== undefined && CURRENT_ASSET_CLASSES.includes(line.lineClass);
}

function isLiability(line: BalanceSheetLine): boolean {
  return line.lineClass !== undefined && CURRENT_LIABILITY_CLASSES.includes(line.lineClass);
}

function sideOf(section: BalanceSheetSection): 'current assets' | 'current liabilities' | undefined {
  const assets = section.lines.some(isAsset);
  const liabilities = section.lines.some(isLiability);
  if (assets && liabilities) throw new ReportUnreconciledError(`section "${section.title}" mixes current assets and current liabilities`);
  return assets ? 'current assets' : liabilities ? 'current liabilities' : undefined;
}

function reconcile(section: BalanceSheetSection, side: 'current assets' | 'current liabilities', currency: string): void {
  const belongs = side === 'current assets' ? isAsset : isLiability;
  const stray = section.lines.find((line) => !belongs(line));
  if (stray) {
    throw new ReportUnreconciledError(
      `section "${section.title}" holds ${side} but its line "${stray.label.slice(0, 80)}" could not be classified as one`,
    );
  }
  if (section.total === undefined) throw new ReportUnreconciledError(`section "${section.title}" has no total row to reconcile ${side} against`);
  const sum = section.lines.reduce((total, line) => total + line.units, 0n);
  if (sum !== section.total) {
    throw new ReportUnreconciledError(
      `section "${section.title}": its ${side} lines add up to ${fromMinorUnits(sum, currency)} but the report's total row says ${fromMinorUnits(section.total, currency)}`,
    );
  }
}
