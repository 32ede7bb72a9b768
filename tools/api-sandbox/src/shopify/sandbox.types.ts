import type { ExpectedUnits } from './dataset/units';

/** Public option and result types of the Shopify sandbox. */

/** Currencies the sandbox can price a shop in (minor-unit exponent 2, except JPY 0 and BHD 3). */
export type SandboxCurrency = 'GBP' | 'EUR' | 'USD' | 'CAD' | 'AUD' | 'NZD' | 'CHF' | 'SEK' | 'DKK' | 'NOK' | 'PLN' | 'JPY' | 'BHD';

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
  /**
   * Fee data on transactions. `true` (default): every paid order goes through `shopify_payments`
   * with fees; `'partial'`: ~5 % of orders use the `manual` gateway and carry no fee data;
   * `false`: no transaction carries fee data (e.g. a shop not on Shopify Payments).
   */
  fees?: boolean | 'partial';
  /** Shop display name; default `Sandbox <subdomain>`. */
  name?: string;
  /** IANA time zone (`shop { ianaTimezone }`); default by currency (GBP Europe/London, EUR Europe/Berlin, USD America/New_York, JPY Asia/Tokyo, BHD Asia/Bahrain, ...). */
  timeZone?: string;
  /** Fixed UTC offset for REST timestamps (`-05:00`); default: the time zone's offset at each instant. GraphQL is always UTC. */
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

/** Orders, revenue and net of one period (counted orders only), decimals of the shop currency. */
export interface ExpectedPeriod {
  orders: number;
  /** Σ totalPriceSet.shopMoney of the orders created in the period. */
  revenue: string;
  /** Σ (total − totalRefundedSet) of those orders. */
  netRevenue: string;
}

export type ExpectedPeriodName = 'today' | 'last7Days' | 'last30Days';

/**
 * The revenue policy applied straight to the dataset, in bigint minor units (no float anywhere):
 * test and cancelled orders are excluded from everything and counted apart; revenue is the order
 * total in the shop currency (`shopMoney`, never presentment money); refunds are
 * `totalRefundedSet`; net = gross − refunds. Amounts carry exactly the currency's ISO 4217
 * decimals (JPY `"34451463"`, GBP `"12.50"`, BHD `"12.345"`).
 */
export interface ExpectedTotals {
  currency: SandboxCurrency;
  /** The shop's IANA zone (`shop { ianaTimezone }`). */
  timeZone: string;
  /** Orders counted: neither test nor cancelled. */
  orders: number;
  /** Cancelled orders that are not test orders. */
  cancelledOrders: number;
  /** Every test order, cancelled or not. */
  testOrders: number;
  /** Σ totalPriceSet.shopMoney of counted orders (tax included). */
  gross: string;
  /** Σ totalRefundedSet.shopMoney of counted orders. */
  refunds: string;
  /** gross − refunds. */
  net: string;
  /**
   * Σ fees of SUCCESS SALE/CAPTURE transactions of counted orders; `null` unless every counted
   * order has fee data (at least one such transaction with a non-empty `fees` list). With no
   * counted orders at all this is zero, not null.
   */
  fees: string | null;
  /** Counted orders without fee data. */
  ordersWithoutFees: number;
  /**
   * Counted orders created in [local midnight, asOf] of the shop's zone: `today` from the
   * midnight starting asOf's local date, `last7Days` from the midnight 6 days earlier,
   * `last30Days` 29 days earlier (DST-correct: a local day may be 23 or 25 hours long).
   */
  periods(asOf: Date): Record<ExpectedPeriodName, ExpectedPeriod>;
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
  /** Units ordered and refunded in the shop's counted orders (the dataset's refund line items). */
  expectedUnits(domain: string): ExpectedUnits;
  clearRequests(): void;
  close(): Promise<void>;
}
