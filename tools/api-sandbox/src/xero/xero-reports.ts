import { type AccountKey, currentYearEarnings, type XeroLayout, type XeroTenant } from './xero-ledger';

type Row = Record<string, unknown>;

const cents = (units: bigint): string => {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  return `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
};

interface SectionPlan {
  title: string;
  total: string;
  keys: AccountKey[];
}

const TITLES: Record<'en' | 'fr', Record<string, string>> = {
  en: {
    assets: 'Assets', bank: 'Bank', current: 'Current Assets', inventory: 'Inventory', fixed: 'Fixed Assets', totalAssets: 'Total Assets',
    liabilities: 'Liabilities', currentLiab: 'Current Liabilities', nonCurrentLiab: 'Non-Current Liabilities', totalLiab: 'Total Liabilities',
    netAssets: 'Net Assets', equity: 'Equity', cye: 'Current Year Earnings', total: 'Total',
  },
  fr: {
    assets: 'Actif', bank: 'Encaisse', current: 'Actifs à court terme', inventory: 'Stocks', fixed: 'Immobilisations', totalAssets: "Total de l'actif",
    liabilities: 'Passif', currentLiab: 'Passifs à court terme', nonCurrentLiab: 'Passifs à long terme', totalLiab: 'Total du passif',
    netAssets: 'Actif net', equity: 'Capitaux propres', cye: "Bénéfices de l'exercice", total: 'Total',
  },
};

function assetSections(layout: XeroLayout, t: Record<string, string>): SectionPlan[] {
  const section = (key: string, keys: AccountKey[]): SectionPlan => ({ title: t[key], total: `${t['total']} ${t[key]}`, keys });
  switch (layout) {
    case 'bank-in-current-assets':
      return [section('current', ['bank1', 'bank2', 'ar', 'sundry', 'prepay', 'inventory']), section('fixed', ['fixed'])];
    case 'inventory-section':
      return [section('bank', ['bank1', 'bank2']), section('current', ['ar', 'sundry', 'prepay']), section('inventory', ['inventory']), section('fixed', ['fixed'])];
    default:
      return [section('bank', ['bank1', 'bank2']), section('current', ['ar', 'sundry', 'prepay', 'inventory']), section('fixed', ['fixed'])];
  }
}

/** `GET /Reports/BalanceSheet` in Xero's wire structure for the tenant's layout, as at `date`. */
export function balanceSheetReport(tenant: XeroTenant, date: string, now: Date): Record<string, unknown> {
  const t = TITLES[tenant.layout === 'french' ? 'fr' : 'en'];
  const accountOf = (key: AccountKey) => tenant.accounts.find((a) => a.key === key);
  const amount = (key: AccountKey) => tenant.balances.get(key) ?? 0n;
  const line = (key: AccountKey): Row => {
    const account = accountOf(key);
    const attributes = [{ Value: account?.accountId, Id: 'account' }];
    return { RowType: 'Row', Cells: [{ Value: account?.name, Attributes: attributes }, { Value: cents(amount(key)), Attributes: attributes }] };
  };
  const summary = (label: string, units: bigint): Row => ({ RowType: 'SummaryRow', Cells: [{ Value: label }, { Value: cents(units) }] });
  const sectionRows = (plan: SectionPlan): Row => ({
    RowType: 'Section',
    Title: plan.title,
    Rows: [...plan.keys.map(line), summary(plan.total, plan.keys.reduce((s, k) => s + amount(k), 0n))],
  });
  const assets = assetSections(tenant.layout, t);
  const liabilities: SectionPlan[] = [
    { title: t['currentLiab'], total: `${t['total']} ${t['currentLiab']}`, keys: ['ap', 'tax', 'accrued'] },
    { title: t['nonCurrentLiab'], total: `${t['total']} ${t['nonCurrentLiab']}`, keys: ['loan'] },
  ];
  const totalOf = (plans: SectionPlan[]) => plans.flatMap((p) => p.keys).reduce((s, k) => s + amount(k), 0n);
  const cye = currentYearEarnings(tenant);
  const netAssets = totalOf(assets) - totalOf(liabilities);
  const [year, month, day] = date.split('-').map(Number);
  const asAt = new Date(Date.UTC(year, month - 1, day));
  const long = asAt.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const short = asAt.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return {
    Id: `sandbox-${tenant.tenantId}`,
    Status: 'OK',
    ProviderName: 'Ops Sandbox (SANDBOX DATA)',
    DateTimeUTC: `/Date(${now.getTime()})/`,
    Reports: [
      {
        ReportID: 'BalanceSheet',
        ReportName: 'Balance Sheet',
        ReportType: 'BalanceSheet',
        ReportTitles: ['Balance Sheet', tenant.name, `As at ${long}`],
        ReportDate: long,
        UpdatedDateUTC: `/Date(${now.getTime()})/`,
        Fields: [],
        Rows: [
          { RowType: 'Header', Cells: [{ Value: '' }, { Value: short }] },
          { RowType: 'Section', Title: t['assets'], Rows: [] },
          ...assets.map(sectionRows),
          { RowType: 'Section', Title: '', Rows: [summary(t['totalAssets'], totalOf(assets))] },
          { RowType: 'Section', Title: t['liabilities'], Rows: [] },
          ...liabilities.map(sectionRows),
          { RowType: 'Section', Title: '', Rows: [summary(t['totalLiab'], totalOf(liabilities))] },
          { RowType: 'Section', Title: '', Rows: [{ RowType: 'Row', Cells: [{ Value: t['netAssets'] }, { Value: cents(netAssets) }] }] },
          {
            RowType: 'Section',
            Title: t['equity'],
            Rows: [
              { RowType: 'Row', Cells: [{ Value: t['cye'] }, { Value: cents(cye) }] },
              line('retained'),
              summary(`${t['total']} ${t['equity']}`, cye + amount('retained')),
            ],
          },
        ],
      },
    ],
  };
}

/** `GET /Accounts`. */
export function accountsResponse(tenant: XeroTenant, now: Date): Record<string, unknown> {
  return {
    Id: `sandbox-accounts-${tenant.tenantId}`,
    Status: 'OK',
    ProviderName: 'Ops Sandbox (SANDBOX DATA)',
    DateTimeUTC: `/Date(${now.getTime()})/`,
    Accounts: tenant.accounts.map((a) => ({
      AccountID: a.accountId,
      Code: a.code,
      Name: a.name,
      Status: 'ACTIVE',
      Type: a.type,
      Class: a.class,
      ...(a.systemAccount ? { SystemAccount: a.systemAccount } : {}),
      ...(a.type === 'BANK' ? { BankAccountType: 'BANK', CurrencyCode: tenant.currency } : {}),
      EnablePaymentsToAccount: false,
      ShowInExpenseClaims: false,
      ReportingCode: a.class === 'ASSET' ? 'ASS' : a.class === 'LIABILITY' ? 'LIA' : 'EQU',
      HasAttachments: false,
      UpdatedDateUTC: `/Date(${now.getTime()}+0000)/`,
      AddToWatchlist: false,
    })),
  };
}

/** `GET /Organisation`. */
export function organisationResponse(tenant: XeroTenant, now: Date): Record<string, unknown> {
  return {
    Id: `sandbox-org-${tenant.tenantId}`,
    Status: 'OK',
    ProviderName: 'Ops Sandbox (SANDBOX DATA)',
    DateTimeUTC: `/Date(${now.getTime()})/`,
    Organisations: [
      {
        OrganisationID: tenant.tenantId,
        Name: tenant.name,
        LegalName: tenant.name,
        PaysTax: true,
        Version: tenant.currency === 'GBP' ? 'UK' : tenant.currency === 'AUD' ? 'AU' : 'GLOBAL',
        OrganisationType: 'COMPANY',
        BaseCurrency: tenant.currency,
        IsDemoCompany: true,
        OrganisationStatus: 'ACTIVE',
        FinancialYearEndDay: 31,
        FinancialYearEndMonth: 3,
        CreatedDateUTC: '/Date(1704067200000)/',
        Timezone: 'GMTSTANDARDTIME',
      },
    ],
  };
}
