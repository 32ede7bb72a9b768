import { retryAfterMs } from '@ops/resilience';
import { MalformedResponseError, RateLimitedError, type RetryHooks, type RetryPolicy, TransientError, withRetry } from '@ops/sync-core';
import { AccountingApi } from 'xero-node';

import type { AccountLike, BalanceSheetReportLike } from '../balance-sheet/report.types';
import { type LimitHeaders, TenantCallLimiter, type TenantLimits, XERO_TENANT_LIMITS } from './tenant-call-limiter';
import { classifySdkFailure, sdkFailureOf } from './xero-sdk-errors';

export interface OrganisationInfo {
  name: string;
  baseCurrency: string;
}

export interface XeroAccountingOptions {
  /** `https://api.xero.com/api.xro/2.0`, or the sandbox's. */
  basePath: string;
  /** Runs a call with a valid access token (`XeroConnection.authorized`). */
  authorized: <T>(call: (accessToken: string) => Promise<T>) => Promise<T>;
  limits?: Partial<TenantLimits>;
  retry?: RetryPolicy;
  hooks?: RetryHooks;
  timeoutMs?: number;
  now?: () => number;
}

type SdkAnswer<T> = { response: { headers?: Record<string, unknown> }; body: T };

/**
 * The accounting calls the worker makes, through xero-node's `AccountingApi` (which sends
 * `xero-tenant-id` and `Accept: application/json` on every call). Each call runs within its
 * tenant's {@link TenantCallLimiter}, with a timeout, retried on network errors, 5xx and
 * minute/concurrency 429s (after `Retry-After`); a day-limit 429 stops the tenant instead.
 */
export class XeroAccountingClient {
  private readonly api: AccountingApi;
  private readonly limiters = new Map<string, TenantCallLimiter>();

  constructor(private readonly options: XeroAccountingOptions) {
    this.api = new AccountingApi(options.basePath);
  }

  async organisation(tenantId: string): Promise<OrganisationInfo> {
    const body = await this.call(tenantId, 'GET Organisation', () => this.api.getOrganisations(tenantId));
    const organisation = body?.organisations?.[0];
    const currency = organisation?.baseCurrency === undefined ? undefined : String(organisation.baseCurrency);
    if (!organisation || !currency || !/^[A-Z]{3}$/.test(currency)) throw new MalformedResponseError('GET Organisation: no organisation with a base currency');
    return { name: organisation.name ?? '', baseCurrency: currency };
  }

  async accounts(tenantId: string): Promise<AccountLike[]> {
    const body = await this.call(tenantId, 'GET Accounts', () => this.api.getAccounts(tenantId));
    if (!Array.isArray(body?.accounts)) throw new MalformedResponseError('GET Accounts: no Accounts array');
    return body.accounts;
  }

  /** The balance sheet as at `date` (YYYY-MM-DD), standard layout, one period. */
  async balanceSheet(tenantId: string, date: string): Promise<BalanceSheetReportLike> {
    const body = await this.call(tenantId, 'GET Reports/BalanceSheet', () =>
      this.api.getReportBalanceSheet(tenantId, date, undefined, undefined, undefined, undefined, true),
    );
    const report = body?.reports?.[0];
    if (!report || !Array.isArray(report.rows)) throw new MalformedResponseError('GET Reports/BalanceSheet: no report rows');
    return report;
  }

  private limiterOf(tenantId: string): TenantCallLimiter {
    let limiter = this.limiters.get(tenantId);
    if (!limiter) {
      limiter = new TenantCallLimiter(tenantId, { ...XERO_TENANT_LIMITS, ...this.options.limits }, this.options.now);
      this.limiters.set(tenantId, limiter);
    }
    return limiter;
  }

  private call<T>(tenantId: string, what: string, request: () => Promise<SdkAnswer<T>>): Promise<T> {
    const limiter = this.limiterOf(tenantId);
    const { hooks = {}, retry } = this.options;
    return withRetry(
      () =>
        limiter.run(
          (observe) =>
            this.options.authorized(async (accessToken) => {
              this.api.accessToken = accessToken;
              try {
                const answer = await this.timed(what, request());
                observe(lowerCase(answer.response.headers));
                return answer.body;
              } catch (rejection) {
                if (rejection instanceof TransientError) throw rejection;
                const failure = sdkFailureOf(rejection);
                if (!failure) throw new MalformedResponseError(`${what}: unreadable failure from the SDK`);
                observe(failure.headers);
                if (failure.statusCode === 429) throw this.rateLimited(what, limiter, failure.headers);
                throw classifySdkFailure(`${what} (tenant ${tenantId})`, failure);
              }
            }),
          hooks.signal,
        ),
      retry,
      hooks,
    );
  }

  private rateLimited(what: string, limiter: TenantCallLimiter, headers: LimitHeaders): Error {
    const problem = (headers['x-rate-limit-problem'] ?? '').toLowerCase();
    const waitMs = retryAfterMs(headers['retry-after']);
    if (problem.startsWith('day')) return limiter.dayLimitBreached(waitMs);
    return new RateLimitedError(`${what}: HTTP 429 (${problem || 'limit'} limit)`, waitMs);
  }

  private timed<R>(what: string, promise: Promise<R>): Promise<R> {
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TransientError(`${what}: timed out after ${timeoutMs} ms`, 'TIMEOUT')), timeoutMs);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }
}

function lowerCase(headers: Record<string, unknown> | undefined): LimitHeaders {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), v === undefined ? undefined : String(v)]));
}
