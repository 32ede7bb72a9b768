import { hashString, intBetween, mulberry32, stableHex } from '../common/prng';

/** How a tenant's balance sheet is laid out: the four shapes a parser must read by meaning. */
export type XeroLayout = 'standard' | 'bank-in-current-assets' | 'inventory-section' | 'french';

export interface XeroTenantSpec {
  name: string;
  currency: 'GBP' | 'EUR' | 'AUD' | 'CAD' | 'NZD' | 'USD';
  layout: XeroLayout;
}

/** Which line of the balance sheet an account is; drives both the chart of accounts and the report. */
export type AccountKey = 'bank1' | 'bank2' | 'ar' | 'sundry' | 'prepay' | 'inventory' | 'fixed' | 'ap' | 'tax' | 'accrued' | 'loan' | 'retained';

export interface LedgerAccount {
  key: AccountKey;
  accountId: string;
  code: string;
  name: string;
  type: string;
  systemAccount?: string;
  class: 'ASSET' | 'LIABILITY' | 'EQUITY';
}

export interface XeroTenant {
  tenantId: string;
  name: string;
  currency: string;
  layout: XeroLayout;
  accounts: LedgerAccount[];
  /** Closing balance per account, in minor units (cents): assets positive, liabilities/equity positive as shown. */
  balances: Map<AccountKey, bigint>;
}

const ENGLISH: Record<AccountKey, [code: string, name: string, type: string, systemAccount?: string]> = {
  bank1: ['090', 'Business Cheque Account', 'BANK'],
  bank2: ['091', 'Business Savings Account', 'BANK'],
  ar: ['610', 'Accounts Receivable', 'CURRENT', 'DEBTORS'],
  sundry: ['611', 'Sundry Debtors', 'CURRENT'],
  prepay: ['620', 'Prepayments', 'PREPAYMENT'],
  inventory: ['630', 'Inventory', 'INVENTORY'],
  fixed: ['710', 'Office Equipment', 'FIXED'],
  ap: ['800', 'Accounts Payable', 'CURRLIAB', 'CREDITORS'],
  tax: ['820', 'Sales Tax', 'CURRLIAB', 'GST'],
  accrued: ['825', 'Accrued Liabilities', 'CURRLIAB'],
  loan: ['900', 'Loan', 'TERMLIAB'],
  retained: ['960', 'Retained Earnings', 'EQUITY', 'RETAINEDEARNINGS'],
};

const FRENCH_NAMES: Record<AccountKey, string> = {
  bank1: 'Compte courant',
  bank2: "Compte d'épargne",
  ar: 'Clients',
  sundry: 'Débiteurs divers',
  prepay: "Charges payées d'avance",
  inventory: 'Stocks',
  fixed: 'Matériel de bureau',
  ap: 'Fournisseurs',
  tax: 'TPS/TVQ à payer',
  accrued: 'Charges à payer',
  loan: 'Emprunt',
  retained: 'Bénéfices non répartis',
};

const RANGES: Record<AccountKey, [min: number, max: number]> = {
  bank1: [500_000, 4_000_000],
  bank2: [100_000, 2_000_000],
  ar: [800_000, 6_000_000],
  sundry: [5_000, 90_000],
  prepay: [10_000, 300_000],
  inventory: [1_000_000, 5_000_000],
  fixed: [500_000, 3_000_000],
  ap: [600_000, 4_000_000],
  tax: [50_000, 600_000],
  accrued: [20_000, 400_000],
  loan: [1_000_000, 3_000_000],
  retained: [500_000, 2_000_000],
};

export const ASSET_KEYS: readonly AccountKey[] = ['bank1', 'bank2', 'ar', 'sundry', 'prepay', 'inventory', 'fixed'];
export const LIABILITY_KEYS: readonly AccountKey[] = ['ap', 'tax', 'accrued', 'loan'];

/** A UUID-shaped identifier derived from a name, stable across starts. */
export function stableUuid(seed: number): string {
  const hex = stableHex(seed, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A tenant's chart of accounts and seeded closing balances (deterministic for a name and seed). */
export function createTenant(spec: XeroTenantSpec, seed: number): XeroTenant {
  const base = hashString(`${seed}:${spec.name}`);
  const next = mulberry32(base);
  const french = spec.layout === 'french';
  const accounts = (Object.keys(ENGLISH) as AccountKey[]).map((key, i): LedgerAccount => {
    const [code, name, type, systemAccount] = ENGLISH[key];
    return {
      key,
      accountId: stableUuid(base + i + 1),
      code,
      name: french ? FRENCH_NAMES[key] : name,
      type,
      ...(systemAccount ? { systemAccount } : {}),
      class: ASSET_KEYS.includes(key) ? 'ASSET' : LIABILITY_KEYS.includes(key) ? 'LIABILITY' : 'EQUITY',
    };
  });
  const balances = new Map<AccountKey, bigint>(accounts.map((a) => [a.key, BigInt(intBetween(next, ...RANGES[a.key]))]));
  return { tenantId: stableUuid(base), name: spec.name, currency: spec.currency, layout: spec.layout, accounts, balances };
}

/** Net assets minus retained earnings: the equity line "Current Year Earnings" that balances the sheet. */
export function currentYearEarnings(tenant: XeroTenant): bigint {
  const sum = (keys: readonly AccountKey[]) => keys.reduce((total, key) => total + (tenant.balances.get(key) ?? 0n), 0n);
  return sum(ASSET_KEYS) - sum(LIABILITY_KEYS) - (tenant.balances.get('retained') ?? 0n);
}

export const DEFAULT_XERO_TENANTS: readonly XeroTenantSpec[] = [
  { name: 'Acme Widgets Ltd', currency: 'GBP', layout: 'standard' },
  { name: 'Acme Europe B.V.', currency: 'EUR', layout: 'bank-in-current-assets' },
  { name: 'Acme Widgets Pty Ltd', currency: 'AUD', layout: 'inventory-section' },
  { name: 'Acmé Québec Inc.', currency: 'CAD', layout: 'french' },
];
