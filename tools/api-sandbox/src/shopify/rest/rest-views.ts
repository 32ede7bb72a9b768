import type { SandboxOrder, SandboxProduct, SandboxTransaction, ShopProfile } from '../dataset/dataset.types';
import { financialStatus, refundedTotal } from '../dataset/dataset.types';
import { convertMinor, formatMinor } from '../dataset/money';
import { gid, refundedUnits } from '../graphql/graphql-views';
import { formatOffset, zoneOffsetMinutes } from '../time-zones';

/** REST timestamps carry a UTC offset, e.g. `2026-05-01T10:14:03-05:00`. */
export function localTime(seconds: number, offsetMinutes: number): string {
  const shifted = new Date((seconds + offsetMinutes * 60) * 1000).toISOString().slice(0, 19);
  return `${shifted}${formatOffset(offsetMinutes)}`;
}

/** A REST timestamp in the shop's time: its fixed `utcOffsetMinutes` if set, else its zone's offset at that instant. */
export function shopTime(seconds: number, profile: ShopProfile): string {
  return localTime(seconds, profile.utcOffsetMinutes ?? zoneOffsetMinutes(profile.timeZone, seconds * 1000));
}

/** `*_set` twin: shop money, and presentment money converted when the buyer paid in another currency. */
const moneySetOf = (order: SandboxOrder) => (minor: number) => ({
  shop_money: { amount: formatMinor(minor, order.currency), currency_code: order.currency },
  presentment_money: { amount: formatMinor(convertMinor(minor, order.currency, order.presentmentCurrency), order.presentmentCurrency), currency_code: order.presentmentCurrency },
});

/** A transaction as `orders/{id}/transactions.json` returns it (amounts in the shop currency). */
export function restTransaction(t: SandboxTransaction, order: SandboxOrder, profile: ShopProfile) {
  return {
    id: t.id, order_id: order.id, kind: t.kind.toLowerCase(), gateway: t.gateway, status: t.status.toLowerCase(),
    amount: formatMinor(t.amount, order.currency), currency: order.currency, created_at: shopTime(t.createdAt, profile),
    processed_at: shopTime(t.createdAt, profile), test: order.test, admin_graphql_api_id: gid('OrderTransaction', t.id),
  };
}

/** An order as REST `orders.json` returns it (money as strings, with `*_set` twins). */
export function restOrder(order: SandboxOrder, profile: ShopProfile) {
  const c = order.currency;
  const at = (s: number) => shopTime(s, profile);
  const money = (minor: number) => formatMinor(minor, c);
  const set = moneySetOf(order);
  const refunded = refundedTotal(order);
  const status = financialStatus(order).toLowerCase();
  const current = order.cancelledAt === null ? order.total - refunded : 0;
  const refundTx = order.transactions.filter((t) => t.kind === 'REFUND');
  return {
    id: order.id, admin_graphql_api_id: gid('Order', order.id), name: order.name, order_number: 1000 + order.index + 1,
    created_at: at(order.createdAt), updated_at: at(order.updatedAt), processed_at: at(order.createdAt),
    closed_at: order.closedAt === null ? null : at(order.closedAt),
    cancelled_at: order.cancelledAt === null ? null : at(order.cancelledAt), cancel_reason: order.cancelledAt === null ? null : 'customer',
    currency: c, presentment_currency: order.presentmentCurrency, test: order.test, tags: order.tags.join(', '), note: order.note, source_name: 'web',
    total_price: money(order.total), subtotal_price: money(order.subtotal), total_tax: money(order.tax), total_discounts: money(0),
    current_total_price: money(current), total_line_items_price: money(order.subtotal),
    total_price_set: set(order.total), subtotal_price_set: set(order.subtotal), total_tax_set: set(order.tax),
    current_total_price_set: set(current),
    financial_status: status, fulfillment_status: order.closedAt === null || order.cancelledAt !== null ? null : 'fulfilled',
    line_items: order.lineItems.map((li) => ({
      id: li.id, admin_graphql_api_id: gid('LineItem', li.id), product_id: li.productId, variant_id: li.variantId, sku: li.sku, title: li.title, name: li.title,
      quantity: li.quantity, current_quantity: Math.max(0, li.quantity - refundedUnits(order, li.id)), price: money(li.unitPrice), price_set: set(li.unitPrice), total_discount: money(0),
      tax_lines: [{ title: 'Tax', price: money(li.tax), price_set: set(li.tax) }],
    })),
    refunds: order.refunds.map((r, n) => ({
      id: r.id, admin_graphql_api_id: gid('Refund', r.id), order_id: order.id, created_at: at(r.createdAt), processed_at: at(r.createdAt), note: r.note,
      refund_line_items: r.lineItems.map((l, k) => ({ id: r.id * 100 + k, line_item_id: l.lineItemId, quantity: l.quantity, restock_type: 'return' })), transactions: refundTx[n] ? [restTransaction(refundTx[n], order, profile)] : [],
    })),
  };
}

export function restProduct(product: SandboxProduct, profile: ShopProfile) {
  const at = (s: number) => shopTime(s, profile);
  return {
    id: product.id, admin_graphql_api_id: gid('Product', product.id), title: product.title, handle: product.handle, status: 'active',
    vendor: profile.name, product_type: 'Sandbox', tags: 'sandbox', created_at: at(product.createdAt), updated_at: at(product.updatedAt),
    variants: product.variants.map((v, position) => ({
      id: v.id, product_id: product.id, sku: v.sku, title: v.title, price: formatMinor(v.price, profile.currency), position: position + 1,
      admin_graphql_api_id: gid('ProductVariant', v.id),
    })),
  };
}

/** Keeps only the comma-separated `fields` a client asked for. */
export function pickFields<T extends object>(value: T, fields: string | null): Partial<T> {
  if (!fields) return value;
  const wanted = new Set(fields.split(',').map((f) => f.trim()));
  return Object.fromEntries(Object.entries(value).filter(([key]) => wanted.has(key))) as Partial<T>;
}
