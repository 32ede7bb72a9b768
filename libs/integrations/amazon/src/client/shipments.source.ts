import { type InboundShipment, type InboundShipmentItem, parseResponse, ShipmentItemsPageSchema, ShipmentsPageSchema } from './amazon.api-types';
import type { SpApiClient } from './sp-api.client';

/** Inbound shipments (Fulfillment Inbound v0) of one marketplace updated in [after, before]: DATE_RANGE, then NEXT_TOKEN pages. */
export async function shipmentsUpdated(client: SpApiClient, marketplaceId: string, after: string, before: string, signal?: AbortSignal): Promise<InboundShipment[]> {
  const shipments: InboundShipment[] = [];
  let nextToken: string | undefined;
  do {
    const query: Record<string, string> = nextToken
      ? { QueryType: 'NEXT_TOKEN', NextToken: nextToken, MarketplaceId: marketplaceId }
      : { QueryType: 'DATE_RANGE', LastUpdatedAfter: after, LastUpdatedBefore: before, MarketplaceId: marketplaceId };
    const page = parseResponse(ShipmentsPageSchema, await client.call('getShipments', { query, signal }), 'getShipments');
    shipments.push(...(page.payload.ShipmentData ?? []));
    nextToken = page.payload.NextToken || undefined;
  } while (nextToken);
  return shipments;
}

/** The items of one shipment. */
export async function shipmentItems(client: SpApiClient, marketplaceId: string, shipmentId: string, signal?: AbortSignal): Promise<InboundShipmentItem[]> {
  const body = await client.call('getShipmentItemsByShipmentId', { path: { shipmentId }, query: { MarketplaceId: marketplaceId }, signal });
  return parseResponse(ShipmentItemsPageSchema, body, 'getShipmentItemsByShipmentId').payload.ItemData;
}
