import {
  AuthRevokedError,
  DEFAULT_RETRY_POLICY,
  fetchJson,
  RateLimitedError,
  RequestRejectedError,
  type RetryHooks,
  type RetryPolicy,
  withRetry,
} from '@ops/sync-core';
import type { z } from 'zod';

import { type ItemOf, type Pagination, RESOURCES, type Resource } from './unleashed.api-types';
import { hasNextPage, pageRequest, readPage } from './unleashed-paging';
import { signQuery } from './unleashed-signature';

export interface UnleashedClientOptions {
  baseUrl: string;
  apiId: string;
  apiKey: string;
  clientType: string;
  retry?: RetryPolicy;
  hooks?: RetryHooks;
  timeoutMs?: number;
}

export type Filters = Record<string, string | number | undefined>;

/**
 * A 429 asking us to wait longer than this is the monthly call quota being exhausted (Unleashed
 * blocks every request until the quota resets): the run fails at once instead of waiting.
 */
const QUOTA_WAIT_MS = 15 * 60_000;

/**
 * Signed, paged reads of Unleashed's API. Every HTTP request, retries included, is counted in
 * {@link calls}: Unleashed bills each one against the account's monthly quota.
 */
export class UnleashedClient {
  private callCount = 0;

  constructor(private readonly options: UnleashedClientOptions) {}

  /** Requests sent so far (each one billed by Unleashed), retries included. */
  get calls(): number {
    return this.callCount;
  }

  /**
   * One page of `resource`, validated.
   * @throws AuthRevokedError for a refused signature (403), never retried; RequestRejectedError
   * `QUOTA_EXHAUSTED` when the monthly quota is used up; MalformedResponseError for a body of the
   * wrong shape; TransientError / RateLimitedError after the retries are spent.
   */
  async page<R extends Resource>(resource: R, page: number, filters: Filters): Promise<{ pagination: Pagination; items: ItemOf<R>[] }> {
    const { path, query } = pageRequest(resource, page, filters);
    const url = `${this.options.baseUrl}${path}${query ? `?${query}` : ''}`;
    const what = `GET ${path}${query ? `?${query}` : ''}`;
    const body = await withRetry(
      async () => {
        this.callCount += 1;
        try {
          return (await fetchJson(url, { headers: this.headers(query), timeoutMs: this.options.timeoutMs })).body;
        } catch (error) {
          throw explain(error, what);
        }
      },
      this.options.retry ?? DEFAULT_RETRY_POLICY,
      this.options.hooks,
    );
    const itemSchema = RESOURCES[resource] as unknown as z.ZodType<ItemOf<R>>;
    return readPage(body, itemSchema, what, page);
  }

  /** Every page of `resource` with `filters`, one array of items per page, in page order. */
  async *pages<R extends Resource>(resource: R, filters: Filters): AsyncGenerator<ItemOf<R>[]> {
    for (let page = 1; ; page++) {
      const { pagination, items } = await this.page(resource, page, filters);
      yield items;
      if (!hasNextPage(pagination)) return;
    }
  }

  private headers(query: string): Record<string, string> {
    return {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'api-auth-id': this.options.apiId,
      'api-auth-signature': signQuery(query, this.options.apiKey),
      'client-type': this.options.clientType,
    };
  }
}

/** Unleashed's meaning of the generic HTTP failures: a 403 is a refused signature; a long 429 is the quota. */
function explain(error: unknown, what: string): unknown {
  if (error instanceof AuthRevokedError) {
    return new AuthRevokedError(`${what}: Unleashed refused the API id or signature (HTTP 403); check UNLEASHED_API_ID and UNLEASHED_API_KEY`);
  }
  if (error instanceof RateLimitedError && error.retryAfterMs !== undefined && error.retryAfterMs > QUOTA_WAIT_MS) {
    const hours = Math.round(error.retryAfterMs / 3_600_000);
    return new RequestRejectedError(`${what}: the monthly API call quota is exhausted (blocked for about ${hours} h)`, 429, 'QUOTA_EXHAUSTED');
  }
  return error;
}
