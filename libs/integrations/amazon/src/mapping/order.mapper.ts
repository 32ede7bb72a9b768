import { parseMoney } from '@ops/sse-events';
import type { OrderLineRow, OrderRow } from '@ops/store';
import { MalformedResponseError } from '@ops/sync-core';

import type { AmazonOrder } from '../client/amazon.api-types';

export const INTEGRATION = 'amazon';

/** Fulfilment statuses (Orders v2026-01-01) of orders placed but not yet priced: kept out of revenue, counted apart. */
export const PENDING_STATUSES = ['PENDING', 'PENDING_AVAILABILITY'] as const;
const CANCELLED = 'CANCELLED';

export interface MappedOrder {
  order: OrderRow;
  lines: OrderLineRow[];
}

/**
 * An Orders v2026-01-01 order as `orders`/`order_lines` rows (account = marketplace id). The
 * fulfilment status goes in `financialStatus`; a cancelled order keeps `cancelledAt` (its last
 * update, the moment Amazon reported the cancellation). Gross is Amazon's proceeds `grandTotal`
 * in exact decimals; a pending order has none yet, so it is stored with gross 0 and status
 * PENDING and every revenue query leaves it out. Fees are unknown to this API (null).
 * @throws MalformedResponseError for a priced-status order without proceeds, or an amount with
 *   more decimals than its currency has.
 */
export function mapOrder(marketplaceId: string, currency: string, raw: AmazonOrder): MappedOrder {
  const status = raw.fulfillment.fulfillmentStatus;
  const pending = (PENDING_STATUSES as readonly string[]).includes(status);
  const total = raw.proceeds?.grandTotal;
  if (!total && !pending && status !== CANCELLED) {
    throw new MalformedResponseError(`searchOrders: order ${raw.orderId} (${status}) has no proceeds; is includedData=PROCEEDS sent?`);
  }
  const orderCurrency = total?.currencyCode ?? currency;
  const gross = total && !pending ? exact(total.amount, orderCurrency, raw.orderId) : '0';
  return {
    order: {
      integration: INTEGRATION,
      accountId: marketplaceId,
      externalId: raw.orderId,
      name: raw.orderId,
      currency: orderCurrency,
      createdAt: new Date(raw.createdTime),
      updatedAt: new Date(raw.lastUpdatedTime),
      processedAt: null,
      financialStatus: status,
      gross,
      refunds: '0',
      net: gross,
      fees: null,
      test: false,
      cancelledAt: status === CANCELLED ? new Date(raw.lastUpdatedTime) : null,
    },
    lines: raw.orderItems.map((item) => ({
      integration: INTEGRATION,
      accountId: marketplaceId,
      orderExternalId: raw.orderId,
      externalId: item.orderItemId,
      sku: item.product.sellerSku ?? null,
      quantity: String(item.quantityOrdered),
      price: item.product.price?.unitPrice ? exact(item.product.price.unitPrice.amount, item.product.price.unitPrice.currencyCode, raw.orderId) : '0',
    })),
  };
}

function exact(amount: string, currency: string, orderId: string): string {
  try {
    return parseMoney(amount, currency).amount;
  } catch (error) {
    throw new MalformedResponseError(`searchOrders: order ${orderId}: ${(error as Error).message}`);
  }
}
