import type { AmazonMarketplaceSales, ShopifyStoreSales } from '@ops/read-api-contract';
import { type Envelope, formatMoney } from '@ops/sse-events';

import type { ConfiguredAccount } from '../sources/read-sources';
import { missingFields, noData, okEntry, olderVersionReason, unusableReason } from './entries';

/** A Shopify store's figures from its latest `shopify:store_synced` (what the worker computed and published). Pure. */
export function shopifyStoreSales(account: ConfiguredAccount, event: Envelope<'shopify:store_synced'> | undefined): ShopifyStoreSales {
  const reason = unusableReason(account, event, 'no sync of this store has completed yet');
  if (reason || !event) return noData('shopify', account, reason ?? '');
  const p = event.payload;
  return {
    ...okEntry('shopify', account, event.occurredAt, p.label),
    currency: p.currency,
    orders: p.orders,
    cancelledOrders: p.cancelledOrders,
    testOrders: p.testOrders,
    products: p.products,
    revenue: p.revenue,
    refunds: p.refunds,
    netRevenue: p.netRevenue,
    fees: p.fees,
    ...(p.fees === null ? { feesReason: `${p.ordersWithoutFees} of ${p.orders} counted orders carried no fee data` } : {}),
    ordersWithoutFees: p.ordersWithoutFees,
    periods: p.periods,
  };
}

const AMAZON_ORDER_FIELDS = ['currency', 'windowDays', 'since', 'units', 'canceledOrders', 'pendingOrders', 'pendingUnits'] as const;

/** An Amazon marketplace's orders from its latest `amazon:orders_synced`. Pure. */
export function amazonMarketplaceSales(account: ConfiguredAccount, event: Envelope<'amazon:orders_synced'> | undefined): AmazonMarketplaceSales {
  const reason = unusableReason(account, event, 'no sync of this marketplace has completed yet');
  if (reason || !event) return noData('amazon', account, reason ?? '');
  const p = event.payload;
  const missing = missingFields(p, AMAZON_ORDER_FIELDS);
  if (missing.length > 0 || !p.currency || !p.windowDays || !p.since) return noData('amazon', account, olderVersionReason(missing));
  const currency = p.currency;
  const others = Object.keys(p.totalRevenue).filter((c) => c !== currency);
  return {
    ...okEntry('amazon', account, event.occurredAt),
    currency,
    windowDays: p.windowDays,
    since: p.since,
    orders: p.totalOrders,
    ...(others.length === 0
      ? { revenue: p.totalRevenue[currency] ?? formatMoney('0', currency) }
      : { revenue: null, revenueReason: `orders were paid in ${others.join(', ')} besides ${currency}; see revenueByCurrency` }),
    revenueByCurrency: p.totalRevenue,
    units: p.units ?? 0,
    canceledOrders: p.canceledOrders ?? 0,
    pendingOrders: p.pendingOrders ?? 0,
    pendingUnits: p.pendingUnits ?? 0,
  };
}
