import type { SandboxInventoryItem, SandboxOrder, SandboxShipment, SandboxShipmentItem } from '../dataset/dataset.types';
import { formatMinor, reservedOf, totalOf, unfulfillableOf } from '../dataset/inventory-math';

/** One `InventorySummary` (fbaInventory.json); `inventoryDetails` only with `details=true`. */
export function inventorySummaryView(item: SandboxInventoryItem, details: boolean) {
  return {
    asin: item.asin,
    fnSku: item.fnSku,
    sellerSku: item.sellerSku,
    condition: 'NewItem',
    lastUpdatedTime: item.lastUpdatedTime,
    productName: item.productName,
    totalQuantity: totalOf(item),
    ...(details
      ? {
          inventoryDetails: {
            fulfillableQuantity: item.fulfillable,
            inboundWorkingQuantity: item.inboundWorking,
            inboundShippedQuantity: item.inboundShipped,
            inboundReceivingQuantity: item.inboundReceiving,
            reservedQuantity: {
              totalReservedQuantity: reservedOf(item),
              pendingCustomerOrderQuantity: item.reserved.pendingCustomerOrder,
              pendingTransshipmentQuantity: item.reserved.pendingTransshipment,
              fcProcessingQuantity: item.reserved.fcProcessing,
            },
            researchingQuantity: { totalResearchingQuantity: item.researching, researchingQuantityBreakdown: [] },
            unfulfillableQuantity: {
              totalUnfulfillableQuantity: unfulfillableOf(item),
              customerDamagedQuantity: item.unfulfillable.customerDamaged,
              warehouseDamagedQuantity: item.unfulfillable.warehouseDamaged,
              distributorDamagedQuantity: 0,
              carrierDamagedQuantity: 0,
              defectiveQuantity: item.unfulfillable.defective,
              expiredQuantity: 0,
            },
          },
        }
      : {}),
  };
}

const money = (minor: bigint | number, currencyCode: string) => ({ amount: formatMinor(minor, currencyCode), currencyCode });

/**
 * One `Order` of Orders v2026-01-01 (orders_2026-01-01.json). `proceeds` only with
 * `includedData=PROCEEDS` and only once the order has a price (never while PENDING);
 * `fulfillment` only with `includedData=FULFILLMENT`.
 */
export function orderView(order: SandboxOrder, included: ReadonlySet<string>) {
  const priced = order.items.every((i) => i.unitPriceMinor !== null);
  const total = order.items.reduce((sum, i) => sum + BigInt(i.unitPriceMinor ?? 0) * BigInt(i.quantity), 0n);
  const shipped = order.status === 'SHIPPED';
  return {
    orderId: order.orderId,
    createdTime: order.createdTime,
    lastUpdatedTime: order.lastUpdatedTime,
    programs: [],
    salesChannel: { channelName: 'AMAZON', marketplaceId: order.marketplaceId },
    ...(included.has('PROCEEDS') && priced
      ? { proceeds: { grandTotal: money(total, order.currency), breakdowns: [{ type: 'ITEM', subtotal: money(total, order.currency) }] } }
      : {}),
    ...(included.has('FULFILLMENT') ? { fulfillment: { fulfillmentStatus: order.status, fulfilledBy: 'AMAZON', fulfillmentServiceLevel: 'STANDARD' } } : {}),
    orderItems: order.items.map((item) => ({
      orderItemId: item.orderItemId,
      quantityOrdered: item.quantity,
      product: {
        asin: item.asin,
        title: item.title,
        sellerSku: item.sellerSku,
        condition: { conditionType: 'NEW', conditionSubtype: 'NEW' },
        ...(item.unitPriceMinor === null ? {} : { price: { unitPrice: money(item.unitPriceMinor, order.currency) } }),
      },
      ...(included.has('PROCEEDS') && item.unitPriceMinor !== null
        ? { proceeds: { proceedsTotal: money(BigInt(item.unitPriceMinor) * BigInt(item.quantity), order.currency) } }
        : {}),
      ...(included.has('FULFILLMENT')
        ? { fulfillment: { quantityFulfilled: shipped ? item.quantity : 0, quantityUnfulfilled: shipped ? 0 : item.quantity } }
        : {}),
    })),
  };
}

/** One `InboundShipmentInfo` (fulfillmentInboundV0.json). */
export function shipmentView(shipment: SandboxShipment) {
  return {
    ShipmentId: shipment.shipmentId,
    ShipmentName: shipment.name,
    ShipFromAddress: { Name: 'Acme Manufacturing', AddressLine1: '1 Works Road', City: 'Leeds', CountryCode: 'GB', PostalCode: 'LS1 1AA' },
    DestinationFulfillmentCenterId: shipment.destinationFulfillmentCenterId,
    ShipmentStatus: shipment.status,
    LabelPrepType: 'SELLER_LABEL',
    AreCasesRequired: false,
    BoxContentsSource: 'INTERACTIVE',
  };
}

/** One `InboundShipmentItem` (fulfillmentInboundV0.json). */
export function shipmentItemView(shipmentId: string, item: SandboxShipmentItem) {
  return {
    ShipmentId: shipmentId,
    SellerSKU: item.sellerSku,
    FulfillmentNetworkSKU: item.fnSku,
    QuantityShipped: item.quantityShipped,
    QuantityReceived: item.quantityReceived,
    QuantityInCase: item.quantityInCase,
    PrepDetailsList: [],
  };
}
