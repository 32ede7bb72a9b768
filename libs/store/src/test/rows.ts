import type { OrderLineRow, OrderRow } from '../lib/queries/orders.queries';

/** A Shopify-shaped order row for specs; `overrides` replace any field. */
export function orderRow(accountId: string, externalId: string, overrides: Partial<OrderRow> = {}): OrderRow {
  return {
    integration: 'shopify',
    accountId,
    externalId,
    name: `#${externalId}`,
    currency: 'GBP',
    createdAt: new Date('2025-03-01T10:00:00Z'),
    updatedAt: new Date('2025-03-01T10:05:00Z'),
    processedAt: new Date('2025-03-01T10:00:05Z'),
    financialStatus: 'paid',
    gross: '24.99',
    refunds: '0',
    net: '24.99',
    fees: '0.97',
    test: false,
    ...overrides,
  };
}

/** A line of `orderRow(accountId, orderExternalId)`. */
export function orderLineRow(
  accountId: string,
  orderExternalId: string,
  externalId: string,
  overrides: Partial<OrderLineRow> = {},
): OrderLineRow {
  return {
    integration: 'shopify',
    accountId,
    orderExternalId,
    externalId,
    sku: 'WIDGET-1',
    quantity: '1',
    price: '24.99',
    ...overrides,
  };
}
