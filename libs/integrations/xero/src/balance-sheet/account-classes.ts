import type { AccountLike } from './report.types';

/** What a balance-sheet line counts towards in working capital. */
export type LineClass =
  | 'cash'
  | 'accountsReceivable'
  | 'inventory'
  | 'otherCurrentAssets'
  | 'accountsPayable'
  | 'otherCurrentLiabilities'
  | 'nonCurrent';

const CURRENT_ASSET_TYPES = new Set(['CURRENT', 'PREPAYMENT']);
const CURRENT_LIABILITY_TYPES = new Set(['CURRLIAB', 'PAYGLIABILITY', 'SUPERANNUATIONLIABILITY']);
const NON_CURRENT_TYPES = new Set(['FIXED', 'NONCURRENT', 'TERMLIAB', 'EQUITY', 'DEPRECIATN']);

/**
 * The class of an account from its chart-of-accounts entry: `SystemAccount` first (DEBTORS,
 * CREDITORS), then `Type`. `undefined` for a type that does not say (e.g. `LIABILITY`), so the
 * caller falls back to the section the line sits in.
 */
export function classOfAccount(account: AccountLike): LineClass | undefined {
  const system = account.systemAccount === undefined ? undefined : String(account.systemAccount);
  if (system === 'DEBTORS') return 'accountsReceivable';
  if (system === 'CREDITORS') return 'accountsPayable';
  const type = String(account.type ?? '');
  if (type === 'BANK') return 'cash';
  if (type === 'INVENTORY') return 'inventory';
  if (CURRENT_ASSET_TYPES.has(type)) return 'otherCurrentAssets';
  if (CURRENT_LIABILITY_TYPES.has(type)) return 'otherCurrentLiabilities';
  if (NON_CURRENT_TYPES.has(type)) return 'nonCurrent';
  return undefined;
}

/**
 * The last resort, for a line without an account id (or whose type does not say): the class its
 * section's English standard-layout title stands for. `undefined` when the title says nothing.
 */
export function classOfSectionTitle(title: string): LineClass | undefined {
  const normalised = title.trim().toLowerCase();
  if (normalised === 'bank' || normalised === 'cash at bank' || normalised === 'cash and cash equivalents') return 'cash';
  if (normalised === 'inventory' || normalised === 'inventories' || normalised === 'stock') return 'inventory';
  if (normalised === 'current assets') return 'otherCurrentAssets';
  if (normalised === 'current liabilities') return 'otherCurrentLiabilities';
  if (/^(fixed|non-current|noncurrent) (assets|liabilities)$/.test(normalised) || normalised === 'equity') return 'nonCurrent';
  return undefined;
}

export const CURRENT_ASSET_CLASSES: readonly LineClass[] = ['cash', 'accountsReceivable', 'inventory', 'otherCurrentAssets'];
export const CURRENT_LIABILITY_CLASSES: readonly LineClass[] = ['accountsPayable', 'otherCurrentLiabilities'];
