import { boolean, foreignKey, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

import { accountColumns, money, quantity, syncedAt, timestamptz } from './columns';

/**
 * Orders from every sales channel. Money columns are `numeric(20,4)`; `fees` is null when the
 * source has not reported them (unknown, not zero).
 */
export const orders = pgTable(
  'orders',
  {
    ...accountColumns(),
    externalId: text('external_id').notNull(),
    /** Human-facing order name or number (`#1001`, `113-1234567-1234567`). */
    name: text('name').notNull(),
    currency: text('currency').notNull(),
    createdAt: timestamptz('created_at').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
    processedAt: timestamptz('processed_at'),
    financialStatus: text('financial_status'),
    gross: money('gross').notNull(),
    refunds: money('refunds').notNull().default('0'),
    net: money('net').notNull(),
    fees: money('fees'),
    test: boolean('test').notNull().default(false),
    /** When the order was cancelled; kept so a revenue policy can change without a resync. */
    cancelledAt: timestamptz('cancelled_at'),
    syncedAt: syncedAt(),
  },
  (t) => [
    primaryKey({ name: 'orders_pk', columns: [t.integration, t.accountId, t.externalId] }),
    index('orders_account_created_idx').on(t.integration, t.accountId, t.createdAt),
  ],
);

/** Line items, keyed by their order and the source's line id; deleted with their order. */
export const orderLines = pgTable(
  'order_lines',
  {
    ...accountColumns(),
    orderExternalId: text('order_external_id').notNull(),
    externalId: text('external_id').notNull(),
    sku: text('sku'),
    quantity: quantity('quantity').notNull(),
    /** Units of this line refunded so far (0 when the source reports none). Units sold = quantity - refunded. */
    refundedQuantity: quantity('refunded_quantity').notNull().default('0'),
    /** Unit price in the order's currency. */
    price: money('price').notNull(),
    syncedAt: syncedAt(),
  },
  (t) => [
    primaryKey({ name: 'order_lines_pk', columns: [t.integration, t.accountId, t.orderExternalId, t.externalId] }),
    foreignKey({
      name: 'order_lines_order_fk',
      columns: [t.integration, t.accountId, t.orderExternalId],
      foreignColumns: [orders.integration, orders.accountId, orders.externalId],
    }).onDelete('cascade'),
    index('order_lines_sku_idx').on(t.sku),
  ],
);

/** Catalogue entries per account. */
export const products = pgTable(
  'products',
  {
    ...accountColumns(),
    externalId: text('external_id').notNull(),
    sku: text('sku'),
    title: text('title').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
    syncedAt: syncedAt(),
  },
  (t) => [
    primaryKey({ name: 'products_pk', columns: [t.integration, t.accountId, t.externalId] }),
    index('products_sku_idx').on(t.sku),
  ],
);
