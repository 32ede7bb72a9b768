import { boolean, index, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

import { accountColumns, quantity, syncedAt, timestamptz } from './columns';

/**
 * Stock on hand per product and warehouse as the ERP reports it: quantities and value (the
 * ERP's `TotalCost`, base currency) kept exactly as given. Updated row by row, incrementally.
 */
export const stockOnHand = pgTable(
  'stock_on_hand',
  {
    ...accountColumns(),
    productCode: text('product_code').notNull(),
    warehouseCode: text('warehouse_code').notNull(),
    productDescription: text('product_description'),
    onHand: quantity('on_hand').notNull(),
    allocated: quantity('allocated').notNull(),
    available: quantity('available').notNull(),
    value: quantity('value').notNull(),
    sourceModifiedAt: timestamptz('source_modified_at'),
    syncedAt: syncedAt(),
  },
  (t) => [primaryKey({ name: 'stock_on_hand_pk', columns: [t.integration, t.accountId, t.productCode, t.warehouseCode] })],
);

/** A per-warehouse stock level, decimal strings or null when unset. */
export interface WarehouseStockLevel {
  warehouseCode: string;
  reorderPoint: string | null;
  minStockAlertLevel: string | null;
}

/** Each product's reorder point and minimum stock alert level (and per-warehouse ones), for alerts. */
export const productStockLevels = pgTable(
  'product_stock_levels',
  {
    ...accountColumns(),
    productCode: text('product_code').notNull(),
    reorderPoint: quantity('reorder_point'),
    minStockAlertLevel: quantity('min_stock_alert_level'),
    warehouses: jsonb('warehouses').$type<WarehouseStockLevel[]>().notNull(),
    obsolete: boolean('obsolete').notNull(),
    syncedAt: syncedAt(),
  },
  (t) => [
    primaryKey({ name: 'product_stock_levels_pk', columns: [t.integration, t.accountId, t.productCode] }),
    index('product_stock_levels_account_idx').on(t.integration, t.accountId),
  ],
);
