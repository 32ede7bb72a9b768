import type https from 'node:https';

import { classifyHttpStatus, classifyNetworkError } from '@ops/resilience';
import {
  AuthRevokedError,
  MalformedResponseError,
  type OAuthTokenStore,
  RateLimitedError,
  type RetryHooks,
  type RetryPolicy,
  withRetry,
} from '@ops/sync-core';
import { SellingPartner } from 'amazon-sp-api';

import type { AmazonConfig } from '../config/amazon.config';
import type { OperationThrottle } from './operation-throttle';
import { SP_API_OPERATIONS, type SpApiOperation } from './sp-api-operations';

export interface SpApiRequest {
  query?: Record<string, string | number | boolean | string[]>;
  path?: Record<string, string>;
  /** Stops this call's waits and retries (with the client's shutdown signal, whichever aborts first). */
  signal?: AbortSignal;
}

interface RawResult {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** The one method used, typed loosely: the package's typings do not cover `raw_result`. */
interface RawCaller {
  callAPI(params: Record<string, unknown>): Promise<unknown>;
}

interface SpApiErrorBody {
  errors?: { code?: string; message?: string; details?: string }[];
}

export interface SpApiClientOptions {
  policy?: RetryPolicy;
  hooks?: RetryHooks;
  /** Routes every connection to a local server (the sandbox). */
  agent?: https.Agent;
  timeoutMs?: number;
}

const EXPIRED = /access token.*expired/i;

/**
 * SP-API calls through the `amazon-sp-api` client, with the platform's pieces around it: the
 * access token from the credential store (a 403 "access token you provided has expired" drops it,
 * refreshes and retries once), one planned token bucket per operation, the rate header adopted,
 * 429 `QuotaExceeded` backed off by the bucket's own refill time, and every failure classified
 * into the domain errors. Request counts per operation are kept for the run's progress lines.
 */
export class SpApiClient {
  readonly requests = new Map<SpApiOperation, number>();
  private cached?: { token: string; client: RawCaller };

  constructor(
    private readonly config: Pick<AmazonConfig, 'region' | 'clientId' | 'clientSecret' | 'refreshToken'>,
    private readonly tokens: OAuthTokenStore,
    private readonly throttle: OperationThrottle,
    private readonly options: SpApiClientOptions = {},
  ) {}

  /** One operation's parsed JSON body. Retries 429s and transient failures under the policy. */
  call<T>(operation: SpApiOperation, request: SpApiRequest): Promise<T> {
    const signals = [this.options.hooks?.signal, request.signal].filter((s): s is AbortSignal => s !== undefined);
    const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
    return withRetry(() => this.attempt<T>(operation, request, signal), this.options.policy, { ...this.options.hooks, signal });
  }

  private async attempt<T>(operation: SpApiOperation, request: SpApiRequest, signal: AbortSignal | undefined): Promise<T> {
    // The token first: a bucket token is spent only when the request can leave at once.
    let token = await this.tokens.accessToken();
    let result = await this.send(operation, request, token, signal);
    if (result.statusCode === 403 && EXPIRED.test(firstError(result)?.details ?? '')) {
      this.tokens.invalidate(token);
      token = await this.tokens.accessToken();
      result = await this.send(operation, request, token, signal);
    }
    return this.interpret<T>(operation, result);
  }

  private async send(operation: SpApiOperation, request: SpApiRequest, token: string, signal: AbortSignal | undefined): Promise<RawResult> {
    const ticket = await this.throttle.acquire(operation, signal);
    try {
      return await this.sendNow(operation, request, token);
    } finally {
      this.throttle.settle(ticket);
    }
  }

  private async sendNow(operation: SpApiOperation, request: SpApiRequest, token: string): Promise<RawResult> {
    const { endpoint, version } = SP_API_OPERATIONS[operation];
    this.requests.set(operation, (this.requests.get(operation) ?? 0) + 1);
    try {
      return (await this.clientFor(token).callAPI({
        operation,
        endpoint,
        ...(request.query ? { query: request.query } : {}),
        ...(request.path ? { path: request.path } : {}),
        options: { version, raw_result: true },
      })) as RawResult;
    } catch (error) {
      throw classifyNetworkError(error, `SP-API ${operation}`);
    }
  }

  private interpret<T>(operation: SpApiOperation, result: RawResult): T {
    const rate = Number(header(result, 'x-amzn-ratelimit-limit'));
    if (rate > 0) this.throttle.reportRate(operation, rate);
    const what = `SP-API ${operation}`;
    if (result.statusCode === 429) {
      throw new RateLimitedError(`${what}: HTTP 429 QuotaExceeded`, this.throttle.throttled(operation));
    }
    if (result.statusCode >= 400) {
      const error = firstError(result);
      const detail = error ? `${error.code ?? ''}: ${error.message ?? ''}${error.details ? ` (${error.details})` : ''}` : undefined;
      if (result.statusCode === 403) throw new AuthRevokedError(`${what}: HTTP 403 ${detail ?? ''}`.trim());
      throw classifyHttpStatus(result.statusCode, { what, detail: detail?.slice(0, 300) }) ?? new MalformedResponseError(`${what}: HTTP ${result.statusCode}`);
    }
    try {
      return JSON.parse(result.body) as T;
    } catch {
      throw new MalformedResponseError(`${what}: response is not valid JSON (${result.body.length} bytes)`);
    }
  }

  private clientFor(token: string): RawCaller {
    if (this.cached?.token !== token) {
      const timeout = this.options.timeoutMs ?? 30_000;
      this.cached = {
        token,
        client: new SellingPartner({
          region: this.config.region,
          refresh_token: this.config.refreshToken,
          access_token: token,
          credentials: { SELLING_PARTNER_APP_CLIENT_ID: this.config.clientId, SELLING_PARTNER_APP_CLIENT_SECRET: this.config.clientSecret },
          options: {
            auto_request_tokens: false,
            auto_request_throttled: false,
            retry_remote_timeout: false,
            timeouts: { response: timeout, idle: timeout, deadline: timeout * 2 },
            ...(this.options.agent ? { https_proxy_agent: this.options.agent } : {}),
          },
        }) as unknown as RawCaller,
      };
    }
    return this.cached.client;
  }
}

function header(result: RawResult, name: string): string | undefined {
  const value = result.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function firstError(result: RawResult): { code?: string; message?: string; details?: string } | undefined {
  try {
    return (JSON.parse(result.body) as SpApiErrorBody).errors?.[0];
  } catch {
    return undefined;
  }
}
