import type { ShopDataset } from './shop-dataset';

/** Units of the counted orders (neither test nor cancelled), straight from the dataset. */
export interface ExpectedUnits {
  /** Σ line item quantities (units ordered). */
  ordered: number;
  /** Σ refund line item quantities (units refunded; `LineItem.currentQuantity` is net of them). */
  refunded: number;
  /** Units refunded per SKU, for SKUs with any. */
  refundedBySku: Record<string, number>;
}

export function computeExpectedUnits(dataset: Pick<ShopDataset, 'orderCount' | 'order'>): ExpectedUnits {
  let ordered = 0;
  let refunded = 0;
  const refundedBySku: Record<string, number> = {};
  for (let i = 0; i < dataset.orderCount; i++) {
    const order = dataset.order(i);
    if (order.test || order.cancelledAt !== null) continue;
    for (const li of order.lineItems) ordered += li.quantity;
    for (const refund of order.refunds) {
      for (const line of refund.lineItems) {
        const sku = order.lineItems.find((li) => li.id === line.lineItemId)?.sku ?? '';
        refunded += line.quantity;
        refundedBySku[sku] = (refundedBySku[sku] ?? 0) + line.quantity;
      }
    }
  }
  return { ordered, refunded, refundedBySku };
}
