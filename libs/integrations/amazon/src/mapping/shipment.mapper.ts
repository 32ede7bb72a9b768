import type { InboundShipmentItemRow, InboundShipmentRow } from '@ops/store';

import type { InboundShipment, InboundShipmentItem } from '../client/amazon.api-types';

/** Statuses after which nothing more arrives: their units are not inbound. */
export const CLOSED_SHIPMENT_STATUSES = ['CLOSED', 'CANCELLED', 'DELETED', 'ERROR'] as const;

export function toShipmentRow(marketplaceId: string, shipment: InboundShipment): InboundShipmentRow {
  return {
    marketplaceId,
    shipmentId: shipment.ShipmentId,
    name: shipment.ShipmentName ?? null,
    status: shipment.ShipmentStatus,
    destinationCenter: shipment.DestinationFulfillmentCenterId ?? null,
  };
}

/** Items of one shipment; a missing `QuantityReceived` means nothing received yet. */
export function toShipmentItemRows(marketplaceId: string, shipmentId: string, items: readonly InboundShipmentItem[]): InboundShipmentItemRow[] {
  return items.map((item) => ({
    marketplaceId,
    shipmentId,
    sku: item.SellerSKU,
    fnSku: item.FulfillmentNetworkSKU ?? null,
    quantityShipped: item.QuantityShipped,
    quantityReceived: item.QuantityReceived ?? 0,
  }));
}
