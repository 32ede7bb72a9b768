import type { SandboxFee, SandboxLineItem, SandboxOrder, SandboxProduct, SandboxRefund, SandboxTransaction, ShopProfile } from '../dataset/dataset.types';
import { financialStatus, refundedTotal, toIso } from '../dataset/dataset.types';
import { formatMinor, formatRate } from '../dataset/money';
import type { SandboxCurrency } from '../sandbox.types';
import { arrayConnection, type PageArgs } from './connection';
import type { GraphqlContext } from './graphql-context';

export const gid = (type: string, id: number | string): string => `gid://shopify/${type}/${id}`;

/** Parses `gid://shopify/<Type>/<n>` into its parts; undefined for anything else. */
export function parseGid(value: string): { type: string; id: number } | undefined {
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)$/.exec(value);
  return match ? { type: match[1] ?? '', id: Number(match[2]) } : undefined;
}

const moneyV2 = (minor: number, currency: SandboxCurrency) => ({ amount: formatMinor(minor, currency), currencyCode: currency });
const moneyBag = (minor: number, currency: SandboxCurrency) => ({ shopMoney: moneyV2(minor, currency), presentmentMoney: moneyV2(minor, currency) });

function lineItemView(li: SandboxLineItem, currency: SandboxCurrency) {
  return {
    __typename: 'LineItem',
    id: gid('LineItem', li.id),
    sku: li.sku,
    name: li.title,
    title: li.title,
    quantity: li.quantity,
    currentQuantity: li.quantity,
    originalUnitPriceSet: moneyBag(li.unitPrice, currency),
    discountedUnitPriceSet: moneyBag(li.unitPrice, currency),
    originalTotalSet: moneyBag(li.unitPrice * li.quantity, currency),
    product: null,
    variant: { __typename: 'ProductVariant', id: gid('ProductVariant', li.variantId), legacyResourceId: String(li.variantId), sku: li.sku, title: li.title, price: formatMinor(li.unitPrice, currency) },
  };
}

const feeView = (fee: SandboxFee, currency: SandboxCurrency) => ({
  __typename: 'TransactionFee',
  id: gid('TransactionFee', fee.id),
  amount: moneyV2(fee.amount, currency),
  flatFee: moneyV2(fee.flatFee, currency),
  flatFeeName: null,
  rate: formatRate(fee.rateBasisPoints),
  rateName: 'Online card rate',
  taxAmount: moneyV2(0, currency),
  type: 'payment',
});

const transactionView = (t: SandboxTransaction, currency: SandboxCurrency) => ({
  __typename: 'OrderTransaction',
  id: gid('OrderTransaction', t.id),
  kind: t.kind,
  status: t.status,
  gateway: t.gateway,
  amountSet: moneyBag(t.amount, currency),
  createdAt: toIso(t.createdAt),
  processedAt: toIso(t.createdAt),
  test: false,
  fees: t.fees.map((fee) => feeView(fee, currency)),
});

const refundView = (r: SandboxRefund, currency: SandboxCurrency) => ({
  __typename: 'Refund',
  id: gid('Refund', r.id),
  legacyResourceId: String(r.id),
  createdAt: toIso(r.createdAt),
  updatedAt: toIso(r.createdAt),
  note: r.note,
  totalRefundedSet: moneyBag(r.amount, currency),
});

/** An Order as graphql-js resolves it: plain fields plus functions for fields with arguments. */
export function orderView(order: SandboxOrder) {
  const c = order.currency;
  const refunded = refundedTotal(order);
  return {
    __typename: 'Order',
    id: gid('Order', order.id),
    legacyResourceId: String(order.id),
    name: order.name,
    createdAt: toIso(order.createdAt),
    updatedAt: toIso(order.updatedAt),
    processedAt: toIso(order.createdAt),
    closedAt: order.closedAt === null ? null : toIso(order.closedAt),
    cancelledAt: null,
    closed: order.closedAt !== null,
    currencyCode: c,
    presentmentCurrencyCode: c,
    // Sandbox orders are marked by the `sandbox` tag and the X-Sandbox header, not `test`,
    // because a real sync may legitimately drop test orders.
    test: false,
    tags: order.tags,
    note: order.note,
    displayFinancialStatus: financialStatus(order),
    displayFulfillmentStatus: order.closedAt === null ? 'UNFULFILLED' : 'FULFILLED',
    totalPriceSet: moneyBag(order.total, c),
    subtotalPriceSet: moneyBag(order.subtotal, c),
    totalTaxSet: moneyBag(order.tax, c),
    totalRefundedSet: moneyBag(refunded, c),
    currentTotalPriceSet: moneyBag(order.total - refunded, c),
    totalDiscountsSet: moneyBag(0, c),
    lineItems: (args: PageArgs, ctx: GraphqlContext) => arrayConnection(order.lineItems.map((li) => lineItemView(li, c)), args, ctx.bulk !== undefined),
    refunds: (args: { first?: number | null }) => order.refunds.slice(0, args.first ?? undefined).map((r) => refundView(r, c)),
    transactions: (args: { first?: number | null }) => order.transactions.slice(0, args.first ?? undefined).map((t) => transactionView(t, c)),
  };
}

export function productView(product: SandboxProduct, profile: ShopProfile) {
  const c = profile.currency;
  const variants = product.variants.map((v) => ({ __typename: 'ProductVariant', id: gid('ProductVariant', v.id), legacyResourceId: String(v.id), sku: v.sku, title: v.title, price: formatMinor(v.price, c) }));
  return {
    __typename: 'Product',
    id: gid('Product', product.id),
    legacyResourceId: String(product.id),
    title: product.title,
    handle: product.handle,
    status: 'ACTIVE',
    vendor: profile.name,
    tags: ['sandbox'],
    createdAt: toIso(product.createdAt),
    updatedAt: toIso(product.updatedAt),
    variants: (args: PageArgs, ctx: GraphqlContext) => arrayConnection(variants, args, ctx.bulk !== undefined),
  };
}
