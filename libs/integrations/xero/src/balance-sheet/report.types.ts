/**
 * The parts of xero-node's deserialised `ReportWithRows` and `Accounts` the parser reads. The SDK's
 * enums are strings at run time (`rowType: 'Section'`, `type: 'BANK'`), so they are typed `unknown`
 * here and compared as strings: SDK objects fit these shapes as they are.
 */
export interface ReportAttributeLike {
  id?: string;
  value?: string;
}

export interface ReportCellLike {
  value?: string;
  attributes?: ReportAttributeLike[];
}

export interface ReportRowLike {
  rowType?: unknown;
  title?: string;
  cells?: ReportCellLike[];
  rows?: ReportRowLike[];
}

export interface BalanceSheetReportLike {
  reportDate?: string;
  rows?: ReportRowLike[];
}

/** One chart-of-accounts entry (`GET /Accounts`). */
export interface AccountLike {
  accountID?: string;
  name?: string;
  type?: unknown;
  systemAccount?: unknown;
}
