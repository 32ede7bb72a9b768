import { toMinorUnits } from '@ops/sse-events';
import { MalformedResponseError } from '@ops/sync-core';

import { classOfAccount, classOfSectionTitle, type LineClass } from './account-classes';
import type { AccountLike, BalanceSheetReportLike, ReportCellLike, ReportRowLike } from './report.types';

/** One account line of the report, in minor units of the report currency. */
export interface BalanceSheetLine {
  label: string;
  accountId?: string;
  /** `undefined`: neither its account nor its section says what it is. */
  lineClass?: LineClass;
  /** How the class was found: the account's Type/SystemAccount, or the section title (last resort). */
  classifiedBy?: 'account' | 'section';
  units: bigint;
}

/** A report section with its lines and Xero's own total row (`SummaryRow`), if it has one. */
export interface BalanceSheetSection {
  title: string;
  lines: BalanceSheetLine[];
  total?: bigint;
}

/**
 * Reads a `Reports/BalanceSheet` answer (as xero-node deserialises it) into sections of classified
 * lines. Each line is classified through its account id (the cell attribute `account`) joined to
 * the chart of accounts; the section title is used only for a line whose account does not say.
 * Amounts are the first period column, exact, in `currency` minor units; an empty cell is zero.
 * @throws MalformedResponseError when the report has no rows or an amount is not a decimal.
 */
export function parseBalanceSheet(report: BalanceSheetReportLike, accounts: readonly AccountLike[], currency: string): BalanceSheetSection[] {
  if (!Array.isArray(report.rows) || report.rows.length === 0) throw new MalformedResponseError('balance sheet report has no rows');
  const byId = new Map(accounts.filter((a) => a.accountID).map((a) => [String(a.accountID).toLowerCase(), a]));
  const sections: BalanceSheetSection[] = [];
  const visit = (rows: readonly ReportRowLike[]) => {
    for (const row of rows) {
      if (String(row.rowType) !== 'Section') continue;
      const title = row.title ?? '';
      const section: BalanceSheetSection = { title, lines: [] };
      for (const child of row.rows ?? []) {
        const type = String(child.rowType);
        if (type === 'Row') section.lines.push(lineOf(child, title, byId, currency));
        else if (type === 'SummaryRow') section.total = amountOf(child.cells?.[1], currency, `${title || 'untitled'} total`);
      }
      if (section.lines.length > 0 || section.total !== undefined) sections.push(section);
      visit((row.rows ?? []).filter((child) => String(child.rowType) === 'Section'));
    }
  };
  visit(report.rows);
  return sections;
}

function lineOf(row: ReportRowLike, sectionTitle: string, accounts: ReadonlyMap<string, AccountLike>, currency: string): BalanceSheetLine {
  const label = row.cells?.[0]?.value ?? '';
  const accountId = accountIdOf(row.cells ?? []);
  const account = accountId ? accounts.get(accountId.toLowerCase()) : undefined;
  const byAccount = account ? classOfAccount(account) : undefined;
  const bySection = byAccount ? undefined : classOfSectionTitle(sectionTitle);
  return {
    label,
    ...(accountId ? { accountId } : {}),
    ...(byAccount ? { lineClass: byAccount, classifiedBy: 'account' as const } : {}),
    ...(bySection ? { lineClass: bySection, classifiedBy: 'section' as const } : {}),
    units: amountOf(row.cells?.[1], currency, label),
  };
}

function accountIdOf(cells: readonly ReportCellLike[]): string | undefined {
  for (const cell of cells) {
    const attribute = cell.attributes?.find((a) => a.id?.toLowerCase() === 'account' && a.value);
    if (attribute?.value) return attribute.value;
  }
  return undefined;
}

function amountOf(cell: ReportCellLike | undefined, currency: string, what: string): bigint {
  const value = (cell?.value ?? '').trim();
  if (value === '') return 0n;
  try {
    return toMinorUnits(value, currency);
  } catch {
    throw new MalformedResponseError(`balance sheet line "${what.slice(0, 80)}" has an amount that is not a ${currency} decimal: ${JSON.stringify(value.slice(0, 40))}`);
  }
}
