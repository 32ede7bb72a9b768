import { z } from 'zod';

import { MalformedResponseError } from '@ops/sync-core';

const count = z.number().int().nonnegative();
const Money = z.object({ amount: z.string(), currencyCode: z.string().regex(/^[A-Z]{3}$/) });

/** fbaInventory.json `InventorySummary`: the fields the worker reads. */
export const InventorySummarySchema = z.object({
  sellerSku: z.string().min(1),
  asin: z.string().optional(),
  fnSku: z.string().optional(),
  lastUpdatedTime: z.string().optional(),
  totalQuantity: count,
  inventoryDetails: z.object({
    fulfillableQuantity: count,
    inboundWorkingQuantity: count,
    inboundShippedQuantity: count,
    inboundReceivingQuantity: count,
    reservedQuantity: z.object({ totalReservedQuantity: count }).optional(),
    unfulfillableQuantity: z.object({ totalUnfulfillableQuantity: count }).optional(),
  }),
});

/** `GetInventorySummariesResponse`: note `pagination` beside `payload`, not in it. */
export const InventoryPageSchema = z.object({
  payload: z.object({ inventorySummaries: z.array(InventorySummarySchema) }),
  pagination: z.object({ nextToken: z.string().optional() }).optional(),
});

/** orders_2026-01-01.json `Order` with `includedData=PROCEEDS,FULFILLMENT`: the fields the worker reads. */
export const OrderSchema = z.object({
  orderId: z.string().min(1),
  createdTime: z.iso.datetime({ offset: true }),
  lastUpdatedTime: z.iso.datetime({ offset: true }),
  salesChannel: z.object({ marketplaceId: z.string().optional() }),
  proceeds: z.object({ grandTotal: Money.optional() }).optional(),
  fulfillment: z.object({ fulfillmentStatus: z.string() }),
  orderItems: z.array(
    z.object({
      orderItemId: z.string().min(1),
      quantityOrdered: count,
      product: z.object({
        sellerSku: z.string().optional(),
        asin: z.string().optional(),
        price: z.object({ unitPrice: Money.optional() }).optional(),
      }),
    }),
  ),
});

/** `SearchOrdersResponse`. */
export const OrdersPageSchema = z.object({
  orders: z.array(OrderSchema),
  pagination: z.object({ nextToken: z.string().optional() }).optional(),
  lastUpdatedBefore: z.iso.datetime({ offset: true }).optional(),
});

/** fulfillmentInboundV0.json `GetShipmentsResponse`. */
export const ShipmentsPageSchema = z.object({
  payload: z.object({
    ShipmentData: z
      .array(
        z.object({
          ShipmentId: z.string().min(1),
          ShipmentName: z.string().optional(),
          ShipmentStatus: z.string().min(1),
          DestinationFulfillmentCenterId: z.string().optional(),
        }),
      )
      .optional(),
    NextToken: z.string().optional(),
  }),
});

/** fulfillmentInboundV0.json `GetShipmentItemsResponse`. */
export const ShipmentItemsPageSchema = z.object({
  payload: z.object({
    ItemData: z.array(
      z.object({
        SellerSKU: z.string().min(1),
        FulfillmentNetworkSKU: z.string().optional(),
        QuantityShipped: count,
        QuantityReceived: count.optional(),
      }),
    ),
    NextToken: z.string().optional(),
  }),
});

export type InventorySummary = z.infer<typeof InventorySummarySchema>;
export type AmazonOrder = z.infer<typeof OrderSchema>;
export type InboundShipment = NonNullable<z.infer<typeof ShipmentsPageSchema>['payload']['ShipmentData']>[number];
export type InboundShipmentItem = z.infer<typeof ShipmentItemsPageSchema>['payload']['ItemData'][number];

/**
 * `body` checked against `schema`.
 * @throws MalformedResponseError naming the operation and the first field that is wrong.
 */
export function parseResponse<S extends z.ZodType>(schema: S, body: unknown, operation: string): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new MalformedResponseError(`SP-API ${operation}: unexpected response shape at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
}
