/** The SP-API operations the worker calls, with the `amazon-sp-api` endpoint and version of each. */
export const SP_API_OPERATIONS = {
  getInventorySummaries: { endpoint: 'fbaInventory', version: 'v1' },
  searchOrders: { endpoint: 'orders', version: '2026-01-01' },
  getShipments: { endpoint: 'fulfillmentInbound', version: 'v0' },
  getShipmentItemsByShipmentId: { endpoint: 'fulfillmentInbound', version: 'v0' },
} as const;

export type SpApiOperation = keyof typeof SP_API_OPERATIONS;

/**
 * Amazon's documented default usage plans (requests per second restored, bucket size), from the
 * models in amzn/selling-partner-api-models. The live rate comes from `x-amzn-RateLimit-Limit`.
 */
export const USAGE_PLANS: Readonly<Record<SpApiOperation, { rate: number; burst: number }>> = {
  getInventorySummaries: { rate: 2, burst: 2 },
  searchOrders: { rate: 0.0056, burst: 20 },
  getShipments: { rate: 2, burst: 30 },
  getShipmentItemsByShipmentId: { rate: 2, burst: 30 },
};
