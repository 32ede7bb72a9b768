/** The SP-API operations the sandbox serves, each with its own token bucket. */
export const AMAZON_OPERATIONS = ['getInventorySummaries', 'searchOrders', 'getShipments', 'getShipmentItemsByShipmentId'] as const;
export type AmazonOperation = (typeof AMAZON_OPERATIONS)[number];

export type AmazonRegion = 'na' | 'eu' | 'fe';

/** One emulated marketplace: its id, the currency its orders are in, and how much data it holds. */
export interface MarketplaceSpec {
  id: string;
  currency: string;
  /** FBA SKUs in its inventory. */
  skus: number;
  /** Orders placed over the 29 days before the reference date. */
  orders: number;
  /** Inbound shipments updated over the 20 days before the reference date. */
  shipments: number;
}

/** Amazon's documented default usage plan of one operation. */
export interface UsagePlan {
  /** Requests restored per second. */
  rate: number;
  burst: number;
}

/**
 * Which requests fail and how. Counters are per kind; `times` defaults to every matching request.
 * `expiredToken` answers 403 "access token you provided has expired" and forgets that token, as
 * Amazon does an hour after issue; `revoked` makes the LWA grant fail with `invalid_grant`.
 */
export interface AmazonFaultPlan {
  serverError?: { operation?: AmazonOperation; marketplace?: string; status?: 500 | 503; times?: number };
  malformed?: { operation?: AmazonOperation; marketplace?: string; times?: number };
  expiredToken?: { times?: number };
  revoked?: boolean;
}

export interface AmazonSandboxOptions {
  marketplaces: MarketplaceSpec[];
  region?: AmazonRegion;
  seed?: number;
  port?: number;
  /** Multiplies every operation's rate (and the `x-amzn-RateLimit-Limit` it reports); bursts stay. Default 1. */
  rateScale?: number;
  /** Per-operation multipliers that replace `rateScale` for the operations they name. */
  rateScales?: Partial<Record<AmazonOperation, number>>;
  /** `off` disables the buckets (no 429s) for tests that are not about limits. Default `on`. */
  rateLimits?: 'on' | 'off';
  /** The sandbox's clock (epoch ms); tests share one with the worker. Default `Date.now`. */
  now?: () => number;
  /** Data ends just before this instant. Default: the clock at start. */
  referenceDate?: string;
  faults?: AmazonFaultPlan;
}

export interface AmazonCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

export interface AmazonRequestLogEntry {
  operation: AmazonOperation | 'token';
  marketplace?: string;
  status: number;
  /** The sandbox clock when the request arrived. */
  at: number;
}

/** An SKU whose fulfillable quantity {@link AmazonSandbox.advance} changed. */
export interface SandboxInventoryChange {
  marketplace: string;
  sku: string;
  previousQuantity: number;
  quantity: number;
}
