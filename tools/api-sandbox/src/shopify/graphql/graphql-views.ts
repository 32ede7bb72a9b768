import type { SandboxFee, SandboxLineItem, SandboxOrder, SandboxProduct, SandboxRefund, SandboxTransaction, ShopProfile } from '../dataset/dataset.types';
import { financialStatus, refundedTotal, toIso } from '../dataset/dataset.types';
import { convertMinor, formatMinor, formatRate } from '../dataset/money';
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
/** Shop money in the shop currency; presentment money converted to the buyer's currency when it differs. */
const moneyBag = (minor: number, currency: SandboxCurrency, presentment: SandboxCurrency = currency) => ({
  shopMoney: moneyV2(minor, currency),
  presentmentMoney: presentment === currency ? moneyV2(minor, currency) : moneyV2(convertMinor(minor, currency, presentment), presentment),
});
type Bag = (minor: number) => ReturnType<typeof moneyBag>;

/** Units of a line refunded so far, over every refund of its order. */
export function refundedUnits(order: Pick<SandboxOrder, 'refunds'>, lineItemId: number): number {
  return order.refunds.reduce((sum, r) => sum + r.lineItems.reduce((n, l) => n + (l.lineItemId === lineItemId ? l.quantity : 0), 0), 0);
}

function lineItemView(li: SandboxLineItem, currency: SandboxCurrency, bag: Bag, refunded = 0) {
  return {
    __typename: 'LineItem',
    id: gid('LineItem', li.id),
    sku: li.sku,
    name: li.title,
    title: li.title,
    quantity: li.quantity,
    // Shopify: the quantity minus units removed (refunded line items remove them).
    currentQuantity: Math.max(0, li.quantity - refunded),
    originalUnitPriceSet: bag(li.unitPrice),
    discountedUnitPriceSet: bag(li.unitPrice),
    originalTotalSet: bag(li.unitPrice * li.quantity),
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

const transactionView = (t: SandboxTransaction, order: SandboxOrder, bag: Bag) => ({
  __typename: 'OrderTransaction',
  id: gid('OrderTransaction', t.id),
  kind: t.kind,
  status: t.status,
  gateway: t.gateway,
  amountSet: bag(t.amount),
  createdAt: toIso(t.createdAt),
  processedAt: toIso(t.createdAt),
  test: order.test,
  fees: t.fees.map((fee) => feeView(fee, order.currency)),
});

const refundView = (r: SandboxRefund, order: SandboxOrder, bag: Bag) => ({
  __typename: 'Refund',
  id: gid('Refund', r.id),
  legacyResourceId: String(r.id),
  createdAt: toIso(r.createdAt),
  updatedAt: toIso(r.createdAt),
  note: r.note,
  totalRefundedSet: bag(r.amount),
  refundLineItems: (args: PageArgs, ctx: GraphqlContext) =>
    arrayConnection(
      r.lineItems.flatMap((l, n) => {
        const li = order.lineItems.find((item) => item.id === l.lineItemId);
        if (!li) return [];
        return [{ __typename: 'RefundLineItem', id: gid('RefundLineItem', r.id * 100 + n), quantity: l.quantity, restockType: 'RETURN', lineItem: lineItemView(li, order.currency, bag, refundedUnits(order, li.id)) }];
      }),
      args,
      ctx.bulk !== undefined,
    ),
});

/** An Order as graphql-js resolves it: plain fields plus functions for fields with arguments. */
export function orderView(order: SandboxOrder) {
  const c = order.currency;
  const bag: Bag = (minor) => moneyBag(minor, c, order.presentmentCurrency);
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
    cancelledAt: order.cancelledAt === null ? null : toIso(order.cancelledAt),
    cancelReason: order.cancelledAt === null ? null : 'CUSTOMER',
    closed: order.closedAt !== null,
    currencyCode: c,
    presentmentCurrencyCode: order.presentmentCurrency,
    // Sandbox orders are marked by the `sandbox` tag and the X-Sandbox header; `test` is true
    // only on the ~1 % generated as test orders (which a sync should leave out of revenue).
    test: order.test,
    tags: order.tags,
    note: order.note,
    displayFinancialStatus: financialStatus(order),
    displayFulfillmentStatus: order.closedAt === null || order.cancelledAt !== null ? 'UNFULFILLED' : 'FULFILLED',
    totalPriceSet: bag(order.total),
    subtotalPriceSet: bag(order.subtotal),
    totalTaxSet: bag(order.tax),
    totalRefundedSet: bag(refunded),
    currentTotalPriceSet: bag(order.cancelledAt === null ? order.total - refunded : 0),
    totalDiscountsSet: bag(0),
    lineItems: (args: PageArgs, ctx: GraphqlContext) => arrayConnection(order.lineItems.map((li) => lineItemView(li, c, bag, refundedUnits(order, li.id))), args, ctx.bulk !== undefined),
    refunds: (args: { first?: number | null }) => order.refunds.slice(0, args.first ?? undefined).map((r) => refundView(r, order, bag)),
    /** A plain list, as on Shopify: every transaction without `first`, the first n with it. */
    transactions: (args: { first?: number | null }) => order.transactions.slice(0, args.first ?? undefined).map((t) => transactionView(t, order, bag)),
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
