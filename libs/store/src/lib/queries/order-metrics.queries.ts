import { and, asc, eq, gte, isNull, lt, sql, type SQL } from 'drizzle-orm';

import type { PgColumn } from 'drizzle-orm/pg-core';

import type { Executor } from '../database/database.types';
import { orderLines, orders } from '../schema';

export interface OrderWindow {
  /** Only this account. */
  accountId?: string;
  /** Orders created at or after this instant. */
  since?: Date;
  /** Orders created before this instant. */
  until?: Date;
  /** Count test orders too. Default false. */
  includeTest?: boolean;
  /** Count cancelled orders too. Default false. */
  includeCancelled?: boolean;
}

/** Sums per account and currency, computed in SQL; amounts are decimal strings with four fraction digits. */
export interface OrderTotals {
  accountId: string;
  currency: string;
  orders: number;
  gross: string;
  refunds: string;
  net: string;
  /** Sum of the known fees only; see `ordersWithoutFees`. */
  fees: string;
  /** Orders whose fees are unknown (null), so `fees` may understate the real total. */
  ordersWithoutFees: number;
}

function windowFilter(integration: string, window: OrderWindow): SQL | undefined {
  return and(
    eq(orders.integration, integration),
    window.accountId === undefined ? undefined : eq(orders.accountId, window.accountId),
    window.since ? gte(orders.createdAt, window.since) : undefined,
    window.until ? lt(orders.createdAt, window.until) : undefined,
    window.includeTest ? undefined : eq(orders.test, false),
    window.includeCancelled ? undefined : isNull(orders.cancelledAt),
  );
}

const decimalSum = (column: PgColumn) => sql<string>`coalesce(sum(${column}), 0)::numeric(20,4)::text`;

/**
 * Exact order totals of one integration per account and currency (never summed across
 * currencies), ordered by account then currency. Test and cancelled orders are left out unless
 * asked for. Empty when no order matches.
 */
export function sumOrdersByAccount(
  tx: Executor,
  integration: string,
  window: OrderWindow = {},
): Promise<OrderTotals[]> {
  return tx
    .select({
      accountId: orders.accountId,
      currency: orders.currency,
      orders: sql<number>`count(*)::int`,
      gross: decimalSum(orders.gross),
      refunds: decimalSum(orders.refunds),
      net: decimalSum(orders.net),
      fees: decimalSum(orders.fees),
      ordersWithoutFees: sql<number>`(count(*) - count(${orders.fees}))::int`,
    })
    .from(orders)
    .where(windowFilter(integration, window))
    .groupBy(orders.accountId, orders.currency)
    .orderBy(asc(orders.accountId), asc(orders.currency));
}

/** Orders a revenue policy sets aside, per account: cancelled (and not test) and test orders. */
export interface SetAsideOrders {
  accountId: string;
  cancelledOrders: number;
  testOrders: number;
}

/** How many orders of each account are cancelled (test ones excluded) and how many are test orders. */
export function countSetAsideOrders(tx: Executor, integration: string): Promise<SetAsideOrders[]> {
  return tx
    .select({
      accountId: orders.accountId,
      cancelledOrders: sql<number>`(count(*) filter (where ${orders.cancelledAt} is not null and not ${orders.test}))::int`,
      testOrders: sql<number>`(count(*) filter (where ${orders.test}))::int`,
    })
    .from(orders)
    .where(eq(orders.integration, integration))
    .groupBy(orders.accountId)
    .orderBy(asc(orders.accountId));
}

/** Units sold of one SKU on one UTC day (`YYYY-MM-DD`), a decimal string. */
export interface DailySkuQuantity {
  sku: string;
  day: string;
  quantity: string;
}

/**
 * Units sold per SKU and UTC day (by order `createdAt`) across the integration's accounts, for
 * demand forecasting; ordered by SKU then day. Lines without a SKU are left out; days without
 * sales are absent (not zero rows).
 */
export function listDailySkuQuantities(
  tx: Executor,
  integration: string,
  window: OrderWindow = {},
): Promise<DailySkuQuantity[]> {
  const day = sql<string>`to_char((${orders.createdAt} at time zone 'UTC')::date, 'YYYY-MM-DD')`;
  return tx
    .select({ sku: sql<string>`${orderLines.sku}`, day, quantity: sql<string>`sum(${orderLines.quantity})::text` })
    .from(orderLines)
    .innerJoin(
      orders,
      and(
        eq(orders.integration, orderLines.integration),
        eq(orders.accountId, orderLines.accountId),
        eq(orders.externalId, orderLines.orderExternalId),
      ),
    )
    .where(and(windowFilter(integration, window), sql`${orderLines.sku} is not null`))
    .groupBy(orderLines.sku, day)
    .orderBy(asc(orderLines.sku), asc(day));
}
