import { mergeByCurrency, type EventPayload, type MoneyByCurrency } from '@ops/sse-events';

import { SALES_PERIODS, type SalesPeriod } from './sales-periods';

type StorePeriods = EventPayload<'shopify:store_synced'>['periods'];
type CombinedPeriods = EventPayload<'shopify:sync_completed'>['periods'];

/**
 * One store's figures as the store computes them: exact decimal strings in the shop currency,
 * written with its decimals, under the revenue policy (test and cancelled orders set aside).
 */
export interface StoreSalesTotals {
  storeId: string;
  label?: string;
  currency: string;
  orders: number;
  cancelledOrders: number;
  testOrders: number;
  products: number;
  gross: string;
  refunds: string;
  net: string;
  /** `null` unless every counted order carried fee data; see `ordersWithoutFees`. */
  fees: string | null;
  ordersWithoutFees: number;
  periods: StorePeriods;
}

export type StoreOutcome = { storeId: string; status: 'synced'; totals: StoreSalesTotals } | { storeId: string; status: 'failed' };

/** The `shopify:store_synced` payload of one store. Pure. */
export function storeSyncedPayload(totals: StoreSalesTotals): EventPayload<'shopify:store_synced'> {
  return {
    storeId: totals.storeId,
    ...(totals.label ? { label: totals.label } : {}),
    orders: totals.orders,
    cancelledOrders: totals.cancelledOrders,
    testOrders: totals.testOrders,
    products: totals.products,
    revenue: totals.gross,
    refunds: totals.refunds,
    netRevenue: totals.net,
    fees: totals.fees,
    ordersWithoutFees: totals.ordersWithoutFees,
    currency: totals.currency,
    periods: totals.periods,
  };
}

/** Each period over the synced stores: orders added up, revenue and net kept per currency. Pure. */
function combinedPeriods(stores: readonly StoreSalesTotals[]): CombinedPeriods {
  const period = (name: SalesPeriod) => ({
    orders: stores.reduce((sum, s) => sum + s.periods[name].orders, 0),
    revenue: mergeByCurrency(stores.map((s) => ({ [s.currency]: s.periods[name].revenue }))),
    netRevenue: mergeByCurrency(stores.map((s) => ({ [s.currency]: s.periods[name].netRevenue }))),
  });
  return Object.fromEntries(SALES_PERIODS.map((name) => [name, period(name)])) as CombinedPeriods;
}

/**
 * The `shopify:sync_completed` payload: orders and revenue over the stores that synced, revenue
 * kept per currency, the periods likewise, and every store's outcome so the dashboard knows which
 * totals are missing. Pure.
 */
export function syncCompletedPayload(outcomes: readonly StoreOutcome[]): EventPayload<'shopify:sync_completed'> {
  const synced = outcomes.flatMap((o) => (o.status === 'synced' ? [o.totals] : []));
  const totalRevenue: MoneyByCurrency = mergeByCurrency(synced.map((t) => ({ [t.currency]: t.gross })));
  return {
    totalOrders: synced.reduce((sum, t) => sum + t.orders, 0),
    totalRevenue,
    stores: outcomes.map((o) =>
      o.status === 'synced' ? { storeId: o.storeId, status: 'synced', orders: o.totals.orders } : { storeId: o.storeId, status: 'failed' },
    ),
    periods: combinedPeriods(synced),
  };
}
