import { mergeByCurrency, type EventPayload, type MoneyByCurrency } from '@ops/sse-events';

/** Per-store sums as the store computes them (exact decimal strings, one currency per store). */
export interface StoreSalesTotals {
  storeId: string;
  label?: string;
  currency: string;
  orders: number;
  products: number;
  gross: string;
  refunds: string;
  net: string;
  /** `null` when no order of the store carried fee data. */
  fees: string | null;
}

export type StoreOutcome = { storeId: string; status: 'synced'; totals: StoreSalesTotals } | { storeId: string; status: 'failed' };

/** The `shopify:store_synced` payload of one store. Pure. */
export function storeSyncedPayload(totals: StoreSalesTotals): EventPayload<'shopify:store_synced'> {
  return {
    storeId: totals.storeId,
    ...(totals.label ? { label: totals.label } : {}),
    orders: totals.orders,
    products: totals.products,
    revenue: totals.gross,
    refunds: totals.refunds,
    netRevenue: totals.net,
    fees: totals.fees,
    currency: totals.currency,
  };
}

/**
 * The `shopify:sync_completed` payload: orders and revenue over the stores that synced, revenue
 * kept per currency, and every store's outcome so the dashboard knows which totals are missing.
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
  };
}
