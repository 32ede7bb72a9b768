import { sleep } from '@ops/resilience';
import { formatIssues } from '@ops/sse-events';
import {
  DEFAULT_RETRY_POLICY,
  MalformedResponseError,
  RateLimitedError,
  RestoringBucket,
  type RetryHooks,
  type RetryPolicy,
  withRetry,
} from '@ops/sync-core';
import { type ApiVersion, type GraphqlClient, LogSeverity, shopifyApi } from '@shopify/shopify-api';
import type { z } from 'zod';

import type { ShopifyStoreConfig } from '../config/shopify.config';
import { QueryCostSchema } from './shopify.api-types';
import { toSyncFailure } from './shopify-errors';
import { allowPlainHttp } from './plain-http-hosts';
import type { TokenProvider } from './token-provider';

export interface ShopifyClientOptions {
  store: ShopifyStoreConfig;
  apiVersion: string;
  tokens: TokenProvider;
  retry?: RetryPolicy;
  hooks?: RetryHooks;
  /** Per-request timeout; a timed-out request is a transient failure. Default 60 s. */
  timeoutMs?: number;
}

/** Until the first response reports the real bucket, assume Shopify's smallest standard plan. */
const INITIAL_BUCKET = { available: 1000, capacity: 1000, restorePerSecond: 50 };

/**
 * One store's Admin GraphQL API through the official SDK, with cost-aware throttling: before each
 * query it waits until the mirrored bucket holds the query's last known cost, and after each
 * response it adopts the bucket state Shopify reported. A `THROTTLED` answer waits for the refill
 * the bucket predicts rather than retrying at once. Responses are parsed against a schema; a
 * mismatch is a {@link MalformedResponseError} naming the field.
 */
export class ShopifyClient {
  readonly storeId: string;
  private readonly bucket = new RestoringBucket(INITIAL_BUCKET);
  private readonly costs = new Map<string, number>();
  private client?: { token: string; graphql: GraphqlClient };

  constructor(private readonly options: ShopifyClientOptions) {
    this.storeId = options.store.domain;
    if (options.store.endpoint) allowPlainHttp(new URL(options.store.endpoint).host);
  }

  /** Runs one GraphQL operation with retries; resolves with `data` parsed by `schema`. */
  async request<S extends z.ZodType>(query: string, variables: Record<string, unknown>, schema: S): Promise<z.infer<S>> {
    return withRetry(() => this.attempt(query, variables, schema), this.options.retry ?? DEFAULT_RETRY_POLICY, this.options.hooks);
  }

  private async attempt<S extends z.ZodType>(query: string, variables: Record<string, unknown>, schema: S): Promise<z.infer<S>> {
    const shutdown = this.options.hooks?.signal;
    await sleep(this.bucket.delayFor(this.costs.get(query) ?? 1), shutdown);
    const graphql = await this.graphql();
    let response: { data?: unknown; extensions?: { cost?: unknown } };
    try {
      const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 60_000);
      response = await graphql.request(query, { variables, retries: 0, signal: shutdown ? AbortSignal.any([timeout, shutdown]) : timeout });
    } catch (error) {
      this.recordCost(query, (error as { body?: { extensions?: { cost?: unknown } } }).body?.extensions?.cost);
      const failure = toSyncFailure(error, this.storeId);
      if (failure instanceof RateLimitedError && failure.retryAfterMs === undefined) {
        throw new RateLimitedError(failure.message, Math.max(1000, this.bucket.delayFor(this.costs.get(query) ?? 1)));
      }
      throw failure;
    }
    this.recordCost(query, response.extensions?.cost);
    const parsed = schema.safeParse(response.data);
    if (!parsed.success) {
      throw new MalformedResponseError(`${this.storeId}: unexpected response shape: ${formatIssues(parsed.error, ['data'])}`);
    }
    return parsed.data;
  }

  private recordCost(query: string, cost: unknown): void {
    const parsed = QueryCostSchema.safeParse(cost);
    if (!parsed.success) return;
    const { requestedQueryCost, throttleStatus } = parsed.data;
    this.costs.set(query, requestedQueryCost);
    this.bucket.update({
      available: throttleStatus.currentlyAvailable,
      capacity: throttleStatus.maximumAvailable,
      restorePerSecond: throttleStatus.restoreRate,
    });
  }

  private async graphql(): Promise<GraphqlClient> {
    const token = await this.options.tokens.accessToken();
    if (this.client?.token === token) return this.client.graphql;
    const { store } = this.options;
    const localHost = store.endpoint ? new URL(store.endpoint).host : undefined;
    const shopify = shopifyApi({
      // Only used to verify webhooks and OAuth callbacks, which a sync worker never receives.
      apiSecretKey: store.clientSecret ?? 'not-used-by-admin-api-calls',
      adminApiAccessToken: token,
      isCustomStoreApp: true,
      isEmbeddedApp: false,
      apiVersion: this.options.apiVersion as ApiVersion,
      hostName: 'localhost',
      logger: { level: LogSeverity.Error, log: async () => undefined },
      ...(localHost
        ? { domainTransformations: [{ match: new RegExp(`^${store.domain.replace(/\./g, '\\.')}$`), transform: () => localHost }] }
        : {}),
    });
    const session = shopify.session.customAppSession(store.domain);
    this.client = { token, graphql: new shopify.clients.Graphql({ session }) };
    return this.client.graphql;
  }
}
