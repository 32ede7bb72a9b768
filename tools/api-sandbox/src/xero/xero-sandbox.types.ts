import type { ExpectedWorkingCapital } from './xero-expected';
import type { AccountKey, XeroLayout, XeroTenantSpec } from './xero-ledger';
import type { XeroLimitOptions } from './xero-limits';

/** A fault the sandbox applies to matching requests, `times` times (default: until cleared). */
export type XeroFaultRule = {
  /** Case-insensitive substring of the request path, e.g. `Reports/BalanceSheet`, `/connect/token`; all paths when absent. */
  path?: string;
  /** Only for this tenant (`xero-tenant-id`). */
  tenantId?: string;
  times?: number;
} & (
  | { kind: 'status'; status: number }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'malformed' }
  /** The balance sheet loses its first account line while its section total stays: a report that does not add up. */
  | { kind: 'unreconciled' }
  | { kind: 'rate-limit'; problem: 'minute' | 'day'; retryAfterSeconds: number }
);

export interface XeroSandboxOptions {
  /** 0 or absent: a free port. */
  port?: number;
  host?: string;
  seed?: number;
  tenants?: readonly XeroTenantSpec[];
  limits?: Partial<XeroLimitOptions>;
  /** The sandbox clock (token lifetimes, grace, rate windows, report date). Default `Date.now`. */
  now?: () => number;
  faults?: XeroFaultRule[];
}

export interface XeroRequestLogEntry {
  method: string;
  path: string;
  status: number;
  tenantId?: string;
  /** For `/connect/token`: the grant type asked for. */
  grantType?: string;
}

export interface XeroSandboxTenant {
  tenantId: string;
  name: string;
  currency: string;
  layout: XeroLayout;
}

export interface XeroSandbox {
  /** One base URL serving Xero's paths: `/identity/connect/authorize`, `/connect/token`, `/connections`, `/api.xro/2.0/...`. */
  readonly url: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** A refresh token of a grant over every tenant, as if `connect` had been run. */
  readonly refreshToken: string;
  readonly tenants: readonly XeroSandboxTenant[];
  readonly requests: readonly XeroRequestLogEntry[];
  /** The tenant's working capital worked out from its ledger (not through a report). */
  expected(tenantId: string): ExpectedWorkingCapital;
  /** Moves a balance by `delta` (a decimal string, e.g. `"125.00"`); the sheet stays balanced through Current Year Earnings. */
  adjustBalance(tenantId: string, account: AccountKey, delta: string): void;
  addFault(rule: XeroFaultRule): void;
  clearFaults(): void;
  /** Revokes every grant, as a user disconnecting the app in Xero would. */
  revokeAll(): void;
  /** A refresh token of a new grant over every tenant. */
  issueRefreshToken(): string;
  /** Most calls in flight at once for a tenant. */
  peakInFlight(tenantId: string): number;
  close(): Promise<void>;
}
