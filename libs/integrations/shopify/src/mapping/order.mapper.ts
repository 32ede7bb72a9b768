import { addDecimals, subtractDecimals } from '@ops/sse-events';

import type { RawBulkOrder, RawLineItem, RawTransaction } from '../client/shopify.api-types';

export interface ShopifyOrderRow {
  externalId: string;
  name: string;
  currency: string;
  createdAt: Date;
  updatedAt: Date;
  processedAt: Date | null;
  financialStatus: string | null;
  cancelledAt: Date | null;
  test: boolean;
  /** Total price in the shop's currency, tax and shipping included. */
  gross: string;
  refunds: string;
  net: string;
  /** Payment fees from the order's transactions; `null` when Shopify reported no fee data. */
  fees: string | null;
}

export interface ShopifyOrderLineRow {
  orderExternalId: string;
  externalId: string;
  sku: string | null;
  quantity: number;
  /** Units refunded or otherwise removed: `quantity - currentQuantity`, at least 0. */
  refundedQuantity: number;
  price: string;
}

/** Transactions whose fees belong to the order: money actually taken. */
const FEE_BEARING = new Set(['SALE', 'CAPTURE']);

/** The numeric id of a Shopify global id (`gid://shopify/Order/450789469` -> `450789469`). */
export function legacyId(gid: string): string {
  return gid.slice(gid.lastIndexOf('/') + 1);
}

/** Maps one Admin GraphQL order (shop currency amounts) to a stored order row. Pure. */
export function mapOrder(raw: RawBulkOrder): ShopifyOrderRow {
  const gross = raw.totalPriceSet.shopMoney.amount;
  const refunds = raw.totalRefundedSet.shopMoney.amount;
  return {
    externalId: legacyId(raw.id),
    name: raw.name,
    currency: raw.totalPriceSet.shopMoney.currencyCode,
    createdAt: new Date(raw.createdAt),
    updatedAt: new Date(raw.updatedAt),
    processedAt: raw.processedAt ? new Date(raw.processedAt) : null,
    financialStatus: raw.displayFinancialStatus,
    cancelledAt: raw.cancelledAt ? new Date(raw.cancelledAt) : null,
    test: raw.test,
    gross,
    refunds,
    net: subtractDecimals(gross, refunds),
    fees: transactionFees(raw.transactions),
  };
}

/** Sum of fees on successful sale/capture transactions, or `null` if none carried fee data. */
export function transactionFees(transactions: readonly RawTransaction[]): string | null {
  const amounts = transactions
    .filter((t) => t.status === 'SUCCESS' && FEE_BEARING.has(t.kind))
    .flatMap((t) => t.fees.map((fee) => fee.amount.amount));
  return amounts.length > 0 ? addDecimals(amounts, 2) : null;
}

export function mapLineItem(orderGid: string, raw: RawLineItem): ShopifyOrderLineRow {
  return {
    orderExternalId: legacyId(orderGid),
    externalId: legacyId(raw.id),
    sku: raw.sku,
    quantity: raw.quantity,
    refundedQuantity: Math.max(0, raw.quantity - raw.currentQuantity),
    price: raw.originalUnitPriceSet.shopMoney.amount,
  };
}
