import type { AccountKey, XeroTenant } from './xero-ledger';

/** What a correct reader of the tenant's books must find, worked out from the ledger itself. */
export interface ExpectedWorkingCapital {
  currency: string;
  cash: string;
  accountsReceivable: string;
  inventory: string;
  currentAssets: string;
  accountsPayable: string;
  currentLiabilities: string;
  workingCapital: string;
}

/**
 * The tenant's working capital straight from its account balances (not through any report):
 * cash = bank accounts, receivables = the DEBTORS account, current assets = bank + receivables +
 * sundry debtors + prepayments + inventory, current liabilities = payables + tax + accruals.
 */
export function expectedWorkingCapital(tenant: XeroTenant): ExpectedWorkingCapital {
  const b = (key: AccountKey) => tenant.balances.get(key) ?? 0n;
  const text = (units: bigint) => {
    const abs = units < 0n ? -units : units;
    return `${units < 0n ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
  };
  const currentAssets = b('bank1') + b('bank2') + b('ar') + b('sundry') + b('prepay') + b('inventory');
  const currentLiabilities = b('ap') + b('tax') + b('accrued');
  return {
    currency: tenant.currency,
    cash: text(b('bank1') + b('bank2')),
    accountsReceivable: text(b('ar')),
    inventory: text(b('inventory')),
    currentAssets: text(currentAssets),
    accountsPayable: text(b('ap')),
    currentLiabilities: text(currentLiabilities),
    workingCapital: text(currentAssets - currentLiabilities),
  };
}
