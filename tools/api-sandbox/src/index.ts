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
export { SANDBOX_SYSTEMS, startSandboxSystems, type SandboxManifest, type StartedSandbox } from './systems/sandbox-systems';
export type { ShopifyManifest } from './systems/shopify.system';
export { SUPPORTED_API_VERSIONS } from './shopify/http/api-versions';
export { mulberry32 } from './common/prng';
export { startAmazonSandbox, type AmazonSandbox } from './amazon/amazon-sandbox';
export { DOCUMENTED_USAGE_PLANS } from './amazon/http/usage-plans';
export type { ExpectedMarketplaceTotals, LowStockRule } from './amazon/dataset/expected-totals';
export type {
  AmazonFaultPlan,
  AmazonOperation,
  AmazonSandboxOptions,
  MarketplaceSpec,
  SandboxInventoryChange,
  UsagePlan,
} from './amazon/amazon.types';
export type { AmazonManifest } from './systems/amazon.system';
export { startXeroSandbox } from './xero/xero-sandbox';
export type { XeroFaultRule, XeroRequestLogEntry, XeroSandbox, XeroSandboxOptions, XeroSandboxTenant } from './xero/xero-sandbox.types';
export type { AccountKey as XeroAccountKey, XeroLayout, XeroTenantSpec } from './xero/xero-ledger';
export type { ExpectedWorkingCapital } from './xero/xero-expected';
export type { XeroManifest } from './systems/xero.system';
export { startUnleashedSandbox } from './unleashed/unleashed-sandbox';
export type { UnleashedSandbox, UnleashedSandboxOptions, UnleashedRequestLogEntry } from './unleashed/unleashed-sandbox';
export type { UnleashedFault } from './unleashed/unleashed-faults';
export type { UnleashedExpected } from './unleashed/unleashed-expected';
export type { ChangeBatch as UnleashedChangeBatch, UnleashedDataset } from './unleashed/unleashed-dataset';
export type { UnleashedManifest } from './systems/unleashed.system';
export type { ExpectedUnits } from './shopify/dataset/units';
