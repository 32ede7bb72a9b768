export { startShopifySandbox } from './shopify/shopify-sandbox';
export type {
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
export { SUPPORTED_API_VERSIONS } from './shopify/http/api-versions';
