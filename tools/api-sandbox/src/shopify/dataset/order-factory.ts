import { intBetween, mixSeed, mulberry32 } from '../../common/prng';
import type { SandboxCurrency } from '../sandbox.types';
import { catalogueOf } from './catalogue';
import type { SandboxFee, SandboxLineItem, SandboxOrder, SandboxRefund, SandboxTransaction, ShopProfile } from './dataset.types';

const DAY = 86400;
export const ORDER_ID_BASE = 6_000_000_000_000;
const LINE_ID_BASE = 16_000_000_000_000;
const REFUND_ID_BASE = 900_000_000_000;
/** Transaction ids: 64 per order; payment transactions 0-15, refund transactions 16-47, fees 48-63. */
const TRANSACTION_ID_BASE = 7_000_000_000_000;
const TRANSACTION_STRIDE = 64;
const REFUND_RATE = 0.08;
const CLOSED_RATE = 0.7;
const CANCELLED_RATE = 0.03;
const TEST_RATE = 0.01;
const MANY_TRANSACTIONS_RATE = 0.02;
const PRESENTMENT_RATE = 0.1;
const PRESENTMENT_CURRENCIES: SandboxCurrency[] = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY'];
const LINE_COUNTS = [1, 1, 1, 2, 2, 3, 4];
/** Tax rate in basis points, added on top of prices. */
const TAX_BP: Partial<Record<SandboxCurrency, number>> = { GBP: 2000, EUR: 2100, USD: 800, CAD: 1300, AUD: 1000, JPY: 1000, BHD: 1000 };
/** Shopify Payments style fee: rate in basis points plus a flat fee in minor units. */
const FEE: Partial<Record<SandboxCurrency, { rateBp: number; flat: number }>> = {
  GBP: { rateBp: 190, flat: 25 }, EUR: { rateBp: 190, flat: 25 }, USD: { rateBp: 290, flat: 30 }, JPY: { rateBp: 340, flat: 0 }, BHD: { rateBp: 250, flat: 100 },
};

/** What an order is, drawn from its own PRNG stream so the other draws stay as they were. */
export interface OrderTraits {
  cancelled: boolean;
  /** Only meaningful when cancelled: refunded in full (else never paid: AUTHORIZATION + VOID). */
  cancelRefunded: boolean;
  test: boolean;
  /** 6-12 transactions: partial captures with fees, a failed capture, two partial refunds. */
  manyTransactions: boolean;
  presentmentCurrency: SandboxCurrency;
  cancelDelay: number;
}

/** The part of an order that indexes need: cheap (a few draws), no line items. */
export interface OrderHeader {
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  cancelledAt: number | null;
  refundTimes: number[];
  traits: OrderTraits;
}

export const orderId = (index: number): number => ORDER_ID_BASE + index + 1;
export const orderIndexFromId = (id: number): number => id - ORDER_ID_BASE - 1;
export const refundId = (index: number, n: number): number => REFUND_ID_BASE + (index + 1) * 16 + n;
const transactionId = (index: number, slot: number): number => TRANSACTION_ID_BASE + (index + 1) * TRANSACTION_STRIDE + slot;

export function generateTraits(profile: ShopProfile, index: number): OrderTraits {
  const next = mulberry32(mixSeed(profile.seed, 0x666c6167, index));
  const cancelled = next() < CANCELLED_RATE;
  const cancelRefunded = next() < 0.5;
  const test = next() < TEST_RATE;
  const manyTransactions = !cancelled && next() < MANY_TRANSACTIONS_RATE;
  const presentmentDraw = next();
  const others = PRESENTMENT_CURRENCIES.filter((c) => c !== profile.currency);
  const presentmentCurrency = presentmentDraw < PRESENTMENT_RATE ? (others[Math.floor((presentmentDraw / PRESENTMENT_RATE) * others.length)] ?? profile.currency) : profile.currency;
  return { cancelled, cancelRefunded, test, manyTransactions, presentmentCurrency, cancelDelay: 600 + Math.floor(next() * 2 * DAY) };
}

export function generateHeader(profile: ShopProfile, index: number): OrderHeader {
  const next = mulberry32(mixSeed(profile.seed, 0x6f726472, index));
  const traits = generateTraits(profile, index);
  const slot = (profile.end - profile.start) / profile.orderCount;
  const createdAt = Math.floor(profile.start + index * slot + next() * slot);
  let closedAt = next() < CLOSED_RATE && createdAt + 2 * DAY < profile.end ? createdAt + 2 * DAY : null;
  const refundDraw = next();
  const refundCandidate = createdAt + 3600 + Math.floor(next() * 14 * DAY);
  let refundTimes = refundDraw < REFUND_RATE && refundCandidate < profile.end ? [refundCandidate] : [];
  const touched = Math.min(profile.end - 1, createdAt + 60 + Math.floor(next() * 3600));
  let cancelledAt: number | null = null;
  if (traits.cancelled) {
    cancelledAt = Math.min(profile.end - 1, createdAt + traits.cancelDelay);
    closedAt = cancelledAt;
    refundTimes = traits.cancelRefunded ? [cancelledAt] : [];
  } else if (traits.manyTransactions) {
    refundTimes = [createdAt + DAY, createdAt + 3 * DAY].filter((t) => t < profile.end);
  }
  const updatedAt = Math.max(createdAt, touched, closedAt ?? 0, ...refundTimes);
  return { createdAt, updatedAt, closedAt, cancelledAt, refundTimes, traits };
}

function gatewayOf(profile: ShopProfile, traits: OrderTraits, draw: number): string {
  if (traits.test) return 'bogus';
  if (profile.fees === false) return 'manual';
  return profile.fees === 'partial' && draw >= 0.95 ? 'manual' : 'shopify_payments';
}

/** The full order `index`, derived from seed + index alone (no stored state). */
export function generateOrder(profile: ShopProfile, index: number, header = generateHeader(profile, index)): SandboxOrder {
  const catalogue = catalogueOf(profile);
  const next = mulberry32(mixSeed(profile.seed, 0x626f6479, index));
  const { traits } = header;
  const taxBp = TAX_BP[profile.currency] ?? 1000;
  const lineCount = LINE_COUNTS[intBetween(next, 0, LINE_COUNTS.length - 1)] ?? 1;
  const lineItems: SandboxLineItem[] = [];
  for (let k = 0; k < lineCount; k++) {
    const product = catalogue[intBetween(next, 0, profile.productCount - 1)];
    const variant = product?.variants[intBetween(next, 0, product.variants.length - 1)];
    if (!product || !variant) continue;
    const quantity = intBetween(next, 1, 3);
    const tax = Math.round((variant.price * quantity * taxBp) / 10000);
    lineItems.push({ id: LINE_ID_BASE + (index + 1) * 8 + k, productId: product.id, variantId: variant.id, sku: variant.sku, title: product.title, quantity, unitPrice: variant.price, tax });
  }
  const subtotal = lineItems.reduce((sum, li) => sum + li.unitPrice * li.quantity, 0);
  const tax = lineItems.reduce((sum, li) => sum + li.tax, 0);
  const total = subtotal + tax;
  const gateway = gatewayOf(profile, traits, next());
  const refunds = refundsOf(index, header, lineItems, total, taxBp);
  const fee = FEE[profile.currency] ?? { rateBp: 250, flat: 20 };
  let feeSlot = 48;
  const feesFor = (amount: number): SandboxFee[] =>
    gateway === 'shopify_payments' ? [{ id: transactionId(index, feeSlot++), amount: Math.round((amount * fee.rateBp) / 10000) + fee.flat, flatFee: fee.flat, rateBasisPoints: fee.rateBp }] : [];
  const tx = (slot: number, kind: SandboxTransaction['kind'], amount: number, fees: SandboxFee[] = [], status: SandboxTransaction['status'] = 'SUCCESS'): SandboxTransaction => ({
    id: transactionId(index, slot), kind, status, gateway, amount, createdAt: header.createdAt, fees,
  });
  let transactions: SandboxTransaction[];
  if (traits.cancelled && !traits.cancelRefunded) {
    transactions = [tx(0, 'AUTHORIZATION', total), { ...tx(1, 'VOID', total), createdAt: header.cancelledAt ?? header.createdAt }];
  } else if (traits.manyTransactions) {
    // AUTHORIZATION, one failed capture, then successful partial captures: 6-12 with the refunds.
    const count = intBetween(next, 6, 12) - refunds.length;
    const captures = count - 2;
    const part = Math.floor(total / captures);
    transactions = [tx(0, 'AUTHORIZATION', total), tx(1, 'CAPTURE', part, [], 'FAILURE')];
    for (let k = 0; k < captures; k++) {
      const amount = k === captures - 1 ? total - part * (captures - 1) : part;
      transactions.push({ ...tx(2 + k, 'CAPTURE', amount, feesFor(amount)), createdAt: Math.min(profile.end - 1, header.createdAt + 600 * (k + 1)) });
    }
  } else {
    transactions = [tx(0, 'SALE', total, feesFor(total))];
  }
  return {
    index,
    id: orderId(index),
    name: `#${1001 + index}`,
    createdAt: header.createdAt,
    updatedAt: header.updatedAt,
    closedAt: header.closedAt,
    cancelledAt: header.cancelledAt,
    test: traits.test,
    currency: profile.currency,
    presentmentCurrency: traits.presentmentCurrency,
    tags: ['sandbox'],
    note: 'Sandbox data generated by tools/api-sandbox',
    lineItems,
    subtotal,
    tax,
    total,
    refunds,
    transactions,
  };
}

function refundsOf(index: number, header: OrderHeader, lineItems: SandboxLineItem[], total: number, taxBp: number): SandboxRefund[] {
  const { traits, refundTimes } = header;
  if (traits.cancelled) {
    const everyUnit = lineItems.map((li) => ({ lineItemId: li.id, quantity: li.quantity }));
    return refundTimes.map((createdAt) => ({ id: refundId(index, 0), createdAt, amount: total, note: 'Sandbox refund: order cancelled', lineItems: everyUnit }));
  }
  if (traits.manyTransactions) {
    return refundTimes.map((createdAt, n) => ({ id: refundId(index, n), createdAt, amount: Math.max(1, Math.floor(total / (10 * (n + 1)))), note: 'Sandbox refund: partial', lineItems: [] }));
  }
  const first = lineItems[0];
  return refundTimes.map((createdAt) => ({
    id: refundId(index, 0),
    createdAt,
    amount: first ? Math.min(total, first.unitPrice + Math.round((first.unitPrice * taxBp) / 10000)) : total,
    note: 'Sandbox refund: item returned',
    // One unit of the first line, which is what the amount is.
    lineItems: first ? [{ lineItemId: first.id, quantity: 1 }] : [],
  }));
}

/** Refund transactions mirror refunds (one REFUND per refund, no fees returned). */
export function refundTransactions(order: SandboxOrder): SandboxTransaction[] {
  const gateway = order.transactions[0]?.gateway ?? 'manual';
  return order.refunds.map((refund, n) => ({
    id: transactionId(order.index, 16 + n),
    kind: 'REFUND' as const,
    status: 'SUCCESS' as const,
    gateway,
    amount: refund.amount,
    createdAt: refund.createdAt,
    fees: [],
  }));
}
