/** One SKU's FBA stock in one marketplace, as the sandbox holds it (quantities in units). */
export interface SandboxInventoryItem {
  sellerSku: string;
  asin: string;
  fnSku: string;
  productName: string;
  lastUpdatedTime: string;
  fulfillable: number;
  inboundWorking: number;
  inboundShipped: number;
  inboundReceiving: number;
  reserved: { pendingCustomerOrder: number; pendingTransshipment: number; fcProcessing: number };
  unfulfillable: { customerDamaged: number; warehouseDamaged: number; defective: number };
  researching: number;
}

export type SandboxOrderStatus = 'PENDING' | 'UNSHIPPED' | 'PARTIALLY_SHIPPED' | 'SHIPPED' | 'CANCELLED';

export interface SandboxOrderItem {
  orderItemId: string;
  sellerSku: string;
  asin: string;
  title: string;
  quantity: number;
  /** Unit price in minor units; null while the order is PENDING (Amazon has no price yet). */
  unitPriceMinor: number | null;
}

export interface SandboxOrder {
  orderId: string;
  marketplaceId: string;
  currency: string;
  createdTime: string;
  lastUpdatedTime: string;
  status: SandboxOrderStatus;
  items: SandboxOrderItem[];
}

export type SandboxShipmentStatus = 'WORKING' | 'SHIPPED' | 'IN_TRANSIT' | 'RECEIVING' | 'CLOSED' | 'CANCELLED';

export interface SandboxShipmentItem {
  sellerSku: string;
  fnSku: string;
  quantityShipped: number;
  quantityReceived: number;
  quantityInCase: number;
}

export interface SandboxShipment {
  shipmentId: string;
  marketplaceId: string;
  name: string;
  status: SandboxShipmentStatus;
  destinationFulfillmentCenterId: string;
  lastUpdatedTime: string;
  items: SandboxShipmentItem[];
}

export interface MarketplaceData {
  id: string;
  currency: string;
  inventory: SandboxInventoryItem[];
  orders: SandboxOrder[];
  shipments: SandboxShipment[];
}
