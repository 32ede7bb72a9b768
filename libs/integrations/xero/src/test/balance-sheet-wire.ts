// Builders for Reports/BalanceSheet and /Accounts answers in Xero's wire format (PascalCase JSON),
// passed through xero-node's own deserialiser so specs read exactly what the client reads.
import { ObjectSerializer } from 'xero-node';

import type { AccountLike, BalanceSheetReportLike } from '../balance-sheet/report.types';

type WireRow = Record<string, unknown>;

export const line = (label: string, accountId: string | undefined, value: string): WireRow => {
  const attributes = accountId ? { Attributes: [{ Value: accountId, Id: 'account' }] } : {};
  return { RowType: 'Row', Cells: [{ Value: label, ...attributes }, { Value: value, ...attributes }, { Value: '0.00' }] };
};
export const total = (label: string, value: string): WireRow => ({ RowType: 'SummaryRow', Cells: [{ Value: label }, { Value: value }, { Value: '0.00' }] });
export const section = (title: string, rows: WireRow[]): WireRow => ({ RowType: 'Section', Title: title, Rows: rows });

export function report(rows: WireRow[]): BalanceSheetReportLike {
  const wire = {
    Id: 'report',
    Status: 'OK',
    Reports: [
      {
        ReportID: 'BalanceSheet',
        ReportName: 'Balance Sheet',
        ReportType: 'BalanceSheet',
        ReportDate: '30 November 2026',
        Rows: [{ RowType: 'Header', Cells: [{ Value: '' }, { Value: '30 Nov 2026' }, { Value: '30 Nov 2025' }] }, ...rows],
      },
    ],
  };
  return (ObjectSerializer.deserialize(wire, 'ReportWithRows') as { reports: BalanceSheetReportLike[] }).reports[0];
}

export function accounts(entries: [id: string, type: string, systemAccount?: string][]): AccountLike[] {
  const wire = {
    Accounts: entries.map(([AccountID, Type, SystemAccount]) => ({ AccountID, Type, Name: AccountID, Status: 'ACTIVE', ...(SystemAccount ? { SystemAccount } : {}) })),
  };
  return (ObjectSerializer.deserialize(wire, 'Accounts') as { accounts: AccountLike[] }).accounts;
}
