export { startShopifySandbox } from './shopify/shopify-sandbox';
export type {
  ExpectedPeriod,
  ExpectedPeriodName,
  ExpectedTotals,
  FaultApi,
  FaultPlan,
  FaultRule,
  RateLimitSpec,
  RequestLogEntry,
  SandboxCurrency,
  ShopCredentials,
  ShopifySandbox,
  ShopifySandboxOptions,
  ShopSpec,
} from './shopify/sandbox.types';
export type { SandboxManifest } from './systems/sandbox-systems';
export type { ShopifyManifest } from './systems/shopify.system';
export { SUPPORTED_API_VERSIONS } from './shopify/http/api-versions';
export { mulberry32 } from './common/prng';
