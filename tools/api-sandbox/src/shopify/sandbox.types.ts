/** Public option and result types of the Shopify sandbox. */

/** Currencies the sandbox can price a shop in (minor-unit exponent 2, except JPY 0). */
export type SandboxCurrency = 'GBP' | 'EUR' | 'USD' | 'CAD' | 'AUD' | 'NZD' | 'CHF' | 'SEK' | 'DKK' | 'NOK' | 'PLN' | 'JPY';

export interface ShopSpec {
  /** The shop's permanent domain, e.g. `acme-uk.myshopify.com`. */
  domain: string;
  currency: SandboxCurrency;
  /** Number of orders generated (lazily: each order is derived from seed + index on demand). */
  orders: number;
  /** Catalogue size; default 40. */
  products?: number;
  /** Dataset seed; default a hash of the domain. Same seed (and options) => same data. */
  seed?: number;
  /** Static Admin API token accepted from the start; default `shpat_sandbox_<hex>` derived from the domain. */
  accessToken?: string;
  /** Client-credentials grant identity; defaults derived from the domain. */
  clientId?: string;
  clientSecret?: string;
  /** `false` = transactions carry no fee data (e.g. a shop not on Shopify Payments). Default true. */
  fees?: boolean;
  /** Shop display name; default `Sandbox <subdomain>`. */
  name?: string;
  /** Fixed UTC offset used for REST timestamps (`-05:00`); default by currency. GraphQL is always UTC. */
  utcOffsetMinutes?: number;
}

/** GraphQL points bucket; `rest` is the REST request bucket (default 40 burst, 2/s). */
export type RateLimitSpec =
  | 'realistic'
  | 'off'
  | { bucketSize: number; restoreRate: number; rest?: { bucketSize: number; leakRate: number } };

export type FaultApi = 'graphql' | 'rest' | 'oauth' | 'bulk-file';

/**
 * When a fault fires. Counters are per fault kind and per shop, start at 1 and reset on
 * `setFaults`. With no `everyNth`/`onRequest`/`probability`, every matching request fires;
 * `times` caps how often it fires (default unlimited, `'always'` = unlimited).
 */
export interface FaultRule {
  /** Only this shop domain; default every shop. */
  shop?: string;
  /** Only these APIs; each fault kind has its own default (see FaultPlan). */
  api?: FaultApi | FaultApi[];
  everyNth?: number;
  onRequest?: number;
  /** Fires with this probability, drawn from a PRNG seeded by `FaultPlan.seed` (deterministic). */
  probability?: number;
  times?: number | 'always';
}

export interface FaultPlan {
  seed?: number;
  /** GraphQL: 200 + THROTTLED with an empty bucket; REST: 429 + Retry-After 2.0. Default api: graphql, rest. */
  throttleStorm?: FaultRule;
  /** 500/502/503/504 (default 503); 502 has an HTML body like a proxy would. Default api: graphql, rest. */
  serverErrors?: FaultRule & { status?: 500 | 502 | 503 | 504 };
  /** Delays the response by `delayMs`. Default api: all. */
  slow?: FaultRule & { delayMs: number };
  /** Sends headers and half the body (Content-Length of the whole), then destroys the socket. Default api: graphql, rest, bulk-file. */
  truncated?: FaultRule;
  /** Status 200 with a body cut in half (valid HTTP, invalid JSON). `onPage` = `onRequest`. Default api: graphql, rest. */
  malformedJson?: FaultRule & { onPage?: number };
  /** These shops answer 401 on every Admin call and `app_not_installed` on the token endpoint. */
  revoked?: string[];
}

export interface ShopifySandboxOptions {
  /** Port of the directory/router server; 0 or absent = ephemeral. When > 0, shop k gets port + 1 + k. */
  port?: number;
  host?: '127.0.0.1';
  shops: ShopSpec[];
  faults?: FaultPlan;
  rateLimits?: RateLimitSpec;
  /** Orders are spread over the `spanDays` (default 180) before this instant. Default 2026-11-01T00:00:00Z. */
  referenceDate?: string;
  spanDays?: number;
  /** Milliseconds clock for buckets, token expiry and `touchOrders`; default `Date.now`. */
  clock?: () => number;
  /** Delay before a bulk operation starts running; default 100 ms. */
  bulkDelayMs?: number;
}

export interface RequestLogEntry {
  shop: string;
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  /** ISO-8601 time from the sandbox clock. */
  at: string;
  api: FaultApi | 'other';
  /** GraphQL: points actually taken from the shop's bucket (after the refund of unused cost). */
  cost?: number;
  /** The fault injected into this request, if any. */
  fault?: 'throttleStorm' | 'serverErrors' | 'slow' | 'truncated' | 'malformedJson' | 'revoked';
}

/** Exact decimal strings in the shop currency (no float arithmetic anywhere). */
export interface ExpectedTotals {
  orders: number;
  /** Σ totalPriceSet (tax included). */
  gross: string;
  /** Σ totalRefundedSet. */
  refunds: string;
  /** gross − refunds. */
  net: string;
  /** Σ fees of all transactions ("0.00" for a `fees: false` shop). */
  fees: string;
  currency: SandboxCurrency;
}

export interface ShopCredentials {
  domain: string;
  url: string;
  accessToken: string;
  clientId: string;
  clientSecret: string;
}

export interface ShopifySandbox {
  /** Directory/router server: `GET /` lists the shops; `/shops/<domain>/admin/...` and Host-header routing reach a shop. */
  readonly url: string;
  readonly port: number;
  readonly shops: readonly ShopCredentials[];
  /** Every request served, in arrival order (by completion). */
  readonly requests: readonly RequestLogEntry[];
  /** `http://127.0.0.1:<port>` of the shop's own server (the recommended way to reach a shop). */
  shopUrl(domain: string): string;
  /** `127.0.0.1:<port>`: what a domainTransformation should map the shop to. */
  shopHost(domain: string): string;
  credentials(domain: string): ShopCredentials;
  setFaults(plan: FaultPlan | undefined): void;
  /**
   * Mutates `count` orders chosen deterministically: each gets a new refund (or, when fully
   * refunded already, a tag change) and `updated_at` = max(clock, newest updated_at + 1 s).
   * Returns the touched order GIDs.
   */
  touchOrders(domain: string, count: number): string[];
  /** Invalidates every token currently valid for the shop (static and granted). New grants still work. */
  revokeToken(domain: string): void;
  expectedTotals(domain: string): ExpectedTotals;
  clearRequests(): void;
  close(): Promise<void>;
}
