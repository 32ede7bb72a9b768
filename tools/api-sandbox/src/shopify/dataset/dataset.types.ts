import type { SandboxCurrency } from '../sandbox.types';

/** Amounts are integer minor units; timestamps are whole seconds since the epoch (UTC). */
export interface SandboxLineItem {
  id: number;
  productId: number;
  variantId: number;
  sku: string;
  title: string;
  quantity: number;
  unitPrice: number;
  tax: number;
}

export interface SandboxRefund {
  id: number;
  createdAt: number;
  amount: number;
  note: string;
  /** Units refunded per line item (`refundLineItems`); empty for a refund of an amount only. */
  lineItems: { lineItemId: number; quantity: number }[];
}

export interface SandboxFee {
  id: number;
  amount: number;
  flatFee: number;
  rateBasisPoints: number;
}

export interface SandboxTransaction {
  id: number;
  kind: 'SALE' | 'AUTHORIZATION' | 'CAPTURE' | 'VOID' | 'REFUND';
  status: 'SUCCESS' | 'FAILURE';
  gateway: string;
  amount: number;
  createdAt: number;
  fees: SandboxFee[];
}

export interface SandboxOrder {
  index: number;
  id: number;
  name: string;
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  /** Set on ~3 % of orders; half of those are refunded in full, the rest were never paid (AUTHORIZATION + VOID). */
  cancelledAt: number | null;
  /** `test: true` on ~1 % of orders (gateway `bogus`, no fees). */
  test: boolean;
  currency: SandboxCurrency;
  /** The buyer's currency; differs from `currency` on ~10 % of orders. */
  presentmentCurrency: SandboxCurrency;
  tags: string[];
  note: string;
  lineItems: SandboxLineItem[];
  subtotal: number;
  tax: number;
  total: number;
  refunds: SandboxRefund[];
  transactions: SandboxTransaction[];
}

export interface SandboxVariant {
  id: number;
  sku: string;
  title: string;
  price: number;
}

export interface SandboxProduct {
  index: number;
  id: number;
  title: string;
  handle: string;
  createdAt: number;
  updatedAt: number;
  variants: SandboxVariant[];
}

/** What `touchOrders` changed on one order; everything else is regenerated from the seed. */
export interface OrderPatch {
  updatedAt: number;
  extraRefunds: SandboxRefund[];
  touches: number;
}

/** Resolved per-shop generation parameters. */
export interface ShopProfile {
  domain: string;
  name: string;
  currency: SandboxCurrency;
  seed: number;
  orderCount: number;
  productCount: number;
  /** true: every paid order has fee data; 'partial': ~5 % `manual` orders without; false: none. */
  fees: boolean | 'partial';
  /** IANA zone of the shop (`shop { ianaTimezone }`). */
  timeZone: string;
  /** Fixed offset for REST timestamps when the spec set one; otherwise the zone's offset at each instant. */
  utcOffsetMinutes: number | undefined;
  /** Window of order creation, seconds since epoch: [start, end). */
  start: number;
  end: number;
}

export const refundedTotal = (order: SandboxOrder): number => order.refunds.reduce((sum, r) => sum + r.amount, 0);

export function financialStatus(order: SandboxOrder): 'PAID' | 'PARTIALLY_REFUNDED' | 'REFUNDED' | 'VOIDED' {
  if (order.transactions.some((t) => t.kind === 'VOID')) return 'VOIDED';
  const refunded = refundedTotal(order);
  if (refunded === 0) return 'PAID';
  return refunded >= order.total ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
}

export const toIso = (seconds: number): string => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
