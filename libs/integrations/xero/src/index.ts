export { xeroWorker } from './xero.worker';
export { readXeroConfig, xeroEndpoints, XERO_SCOPES, type XeroConfig } from './config/xero.config';
export { XeroSync } from './xero.sync';
export { ReauthorizationRequiredError } from './auth/xero-auth.errors';
export { ReportUnreconciledError } from './balance-sheet/report-errors';
export { parseBalanceSheet } from './balance-sheet/balance-sheet.parser';
export { workingCapitalOf, type WorkingCapitalFigures } from './balance-sheet/working-capital.metrics';
