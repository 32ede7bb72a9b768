import { hashString, intBetween, mixSeed, mulberry32 } from '../../common/prng';
import type { MarketplaceSpec } from '../amazon.types';
import type { MarketplaceData, SandboxInventoryItem, SandboxOrder, SandboxOrderStatus, SandboxShipment, SandboxShipmentStatus } from './dataset.types';

const DAY_MS = 86_400_000;
const PRODUCTS = ['Widget', 'Gadget', 'Bracket', 'Hinge', 'Clamp', 'Spindle', 'Valve', 'Flange'];
const COLOURS = ['Blue', 'Red', 'Oak', 'Steel', 'Black'];
const FULFILMENT_CENTRES = ['LTN4', 'BHX4', 'MAN1', 'FRA7', 'DTM2', 'MUC3'];

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const skuName = (index: number) => `SKU-${String(index + 1).padStart(5, '0')}`;
const asinOf = (index: number) => `B0${(0x10000000 + index * 7919).toString(36).toUpperCase().padStart(8, '0')}`;
const fnSkuOf = (marketplace: string, index: number) => `X00${(hashString(marketplace) % 1000).toString().padStart(3, '0')}${index.toString(36).toUpperCase().padStart(4, '0')}`;

/**
 * One marketplace's deterministic data: inventory last touched 2-60 days before `reference`,
 * orders over the 29 days before it (about 6% cancelled, 4% pending), shipments over the 20 days
 * before it. The same seed and spec always give the same data.
 */
export function generateMarketplace(spec: MarketplaceSpec, seed: number, reference: number): MarketplaceData {
  const next = mulberry32(mixSeed(seed, hashString(spec.id)));
  const inventory = Array.from({ length: spec.skus }, (_, i) => inventoryItem(spec.id, i, next, reference));
  // A quarter of the catalogue never sells, so the low-stock rule meets SKUs without a sales history.
  const selling = Math.max(1, Math.ceil(spec.skus * 0.75));
  const orders = Array.from({ length: spec.orders }, (_, i) => order(spec, i, selling, inventory, next, reference));
  const shipments = Array.from({ length: spec.shipments }, (_, i) => shipment(spec.id, i, inventory, next, reference));
  return { id: spec.id, currency: spec.currency, inventory, orders, shipments };
}

function inventoryItem(marketplace: string, index: number, next: () => number, reference: number): SandboxInventoryItem {
  const low = next() < 0.15;
  return {
    sellerSku: skuName(index),
    asin: asinOf(index),
    fnSku: fnSkuOf(marketplace, index),
    productName: `${PRODUCTS[index % PRODUCTS.length]}, ${COLOURS[index % COLOURS.length]}, #${index + 1}`,
    lastUpdatedTime: iso(reference - intBetween(next, 2 * DAY_MS, 60 * DAY_MS)),
    fulfillable: low ? intBetween(next, 0, 6) : intBetween(next, 20, 400),
    inboundWorking: next() < 0.2 ? intBetween(next, 1, 30) : 0,
    inboundShipped: next() < 0.2 ? intBetween(next, 1, 50) : 0,
    inboundReceiving: next() < 0.1 ? intBetween(next, 1, 20) : 0,
    reserved: { pendingCustomerOrder: intBetween(next, 0, 5), pendingTransshipment: intBetween(next, 0, 2), fcProcessing: intBetween(next, 0, 1) },
    unfulfillable: { customerDamaged: next() < 0.1 ? 1 : 0, warehouseDamaged: next() < 0.05 ? 2 : 0, defective: 0 },
    researching: 0,
  };
}

function orderStatus(next: () => number): SandboxOrderStatus {
  const roll = next();
  if (roll < 0.06) return 'CANCELLED';
  if (roll < 0.1) return 'PENDING';
  if (roll < 0.2) return 'UNSHIPPED';
  if (roll < 0.23) return 'PARTIALLY_SHIPPED';
  return 'SHIPPED';
}

/** Deterministic order ids in Amazon's `3-7-7` shape, distinct per marketplace and index. */
export function orderIdOf(marketplace: string, index: number): string {
  const a = (hashString(marketplace) % 900) + 100;
  const b = String(1_000_000 + index).slice(-7);
  const c = String((index * 7_654_321 + hashString(marketplace)) % 10_000_000).padStart(7, '0');
  return `${a}-${b}-${c}`;
}

export function order(
  spec: Pick<MarketplaceSpec, 'id' | 'currency'>,
  index: number,
  selling: number,
  inventory: readonly SandboxInventoryItem[],
  next: () => number,
  reference: number,
  createdAt?: number,
): SandboxOrder {
  const created = createdAt ?? reference - intBetween(next, 10 * 60_000, 29 * DAY_MS);
  const status = orderStatus(next);
  const lines = next() < 0.75 ? 1 : intBetween(next, 2, 3);
  const items = Array.from({ length: lines }, (_, line) => {
    const skuIndex = intBetween(next, 0, selling - 1) % Math.max(1, inventory.length);
    const item = inventory[skuIndex];
    return {
      orderItemId: `${String(index).padStart(8, '0')}${line}${String(skuIndex).padStart(5, '0')}`,
      sellerSku: item?.sellerSku ?? skuName(skuIndex),
      asin: item?.asin ?? asinOf(skuIndex),
      title: item?.productName ?? skuName(skuIndex),
      quantity: next() < 0.8 ? 1 : intBetween(next, 2, 4),
      unitPriceMinor: status === 'PENDING' ? null : intBetween(next, 499, 8999),
    };
  });
  const updated = Math.min(reference - 5 * 60_000, created + intBetween(next, 0, 2 * DAY_MS));
  return {
    orderId: orderIdOf(spec.id, index),
    marketplaceId: spec.id,
    currency: spec.currency,
    createdTime: iso(created),
    lastUpdatedTime: iso(Math.max(created, updated)),
    status,
    items,
  };
}

const SHIPMENT_STATUSES: SandboxShipmentStatus[] = ['WORKING', 'SHIPPED', 'IN_TRANSIT', 'RECEIVING', 'CLOSED', 'CANCELLED'];

function shipment(marketplace: string, index: number, inventory: readonly SandboxInventoryItem[], next: () => number, reference: number): SandboxShipment {
  const status = SHIPMENT_STATUSES[index % SHIPMENT_STATUSES.length];
  const lines = intBetween(next, 1, 4);
  const items = Array.from({ length: lines }, (_, line) => {
    const skuIndex = (index * 13 + line * 7) % Math.max(1, inventory.length);
    const shipped = intBetween(next, 10, 120);
    const received = status === 'CLOSED' ? shipped : status === 'RECEIVING' ? intBetween(next, 0, shipped) : 0;
    return {
      sellerSku: inventory[skuIndex]?.sellerSku ?? skuName(skuIndex),
      fnSku: inventory[skuIndex]?.fnSku ?? fnSkuOf(marketplace, skuIndex),
      quantityShipped: shipped,
      quantityReceived: received,
      quantityInCase: 0,
    };
  });
  return {
    shipmentId: `FBA${(hashString(marketplace) % 100_000).toString(36).toUpperCase()}${String(index + 1).padStart(5, '0')}`,
    marketplaceId: marketplace,
    name: `Inbound ${index + 1} (${marketplace})`,
    status,
    destinationFulfillmentCenterId: FULFILMENT_CENTRES[index % FULFILMENT_CENTRES.length],
    lastUpdatedTime: iso(reference - intBetween(next, DAY_MS, 20 * DAY_MS)),
    items,
  };
}

export { iso };
