import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

import { syncedAt, timestamptz } from './columns';

/**
 * Amazon FBA stock per marketplace and seller SKU, as `getInventorySummaries` (details=true)
 * last reported it: one row each, updated in place. `inbound` columns are Amazon's working,
 * shipped and receiving quantities; `total` is Amazon's `totalQuantity`.
 */
export const amazonFbaInventory = pgTable(
  'amazon_fba_inventory',
  {
    marketplaceId: text('marketplace_id').notNull(),
    sku: text('sku').notNull(),
    asin: text('asin'),
    fnSku: text('fn_sku'),
    fulfillable: integer('fulfillable').notNull(),
    inboundWorking: integer('inbound_working').notNull(),
    inboundShipped: integer('inbound_shipped').notNull(),
    inboundReceiving: integer('inbound_receiving').notNull(),
    reserved: integer('reserved').notNull(),
    unfulfillable: integer('unfulfillable').notNull(),
    total: integer('total').notNull(),
    /** Amazon's `lastUpdatedTime` of the summary. */
    lastUpdatedAt: timestamptz('last_updated_at'),
    syncedAt: syncedAt(),
  },
  (t) => [primaryKey({ name: 'amazon_fba_inventory_pk', columns: [t.marketplaceId, t.sku] })],
);

/** FBA inbound shipments (Fulfillment Inbound v0 `getShipments`) per marketplace. */
export const amazonInboundShipments = pgTable(
  'amazon_inbound_shipments',
  {
    marketplaceId: text('marketplace_id').notNull(),
    shipmentId: text('shipment_id').notNull(),
    name: text('name'),
    status: text('status').notNull(),
    destinationCenter: text('destination_center'),
    syncedAt: syncedAt(),
  },
  (t) => [
    primaryKey({ name: 'amazon_inbound_shipments_pk', columns: [t.marketplaceId, t.shipmentId] }),
    index('amazon_inbound_shipments_status_idx').on(t.marketplaceId, t.status),
  ],
);

/** The items of an inbound shipment; replaced whenever the shipment is fetched again. */
export const amazonInboundShipmentItems = pgTable(
  'amazon_inbound_shipment_items',
  {
    marketplaceId: text('marketplace_id').notNull(),
    shipmentId: text('shipment_id').notNull(),
    sku: text('sku').notNull(),
    fnSku: text('fn_sku'),
    quantityShipped: integer('quantity_shipped').notNull(),
    quantityReceived: integer('quantity_received').notNull(),
    syncedAt: syncedAt(),
  },
  (t) => [primaryKey({ name: 'amazon_inbound_shipment_items_pk', columns: [t.marketplaceId, t.shipmentId, t.sku] })],
);
