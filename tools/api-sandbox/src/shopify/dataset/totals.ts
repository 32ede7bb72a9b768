import type { ExpectedPeriod, ExpectedPeriodName, ExpectedTotals } from '../sandbox.types';
import type { SandboxOrder } from './dataset.types';
import { localMidnight } from './local-days';
import { formatMinor } from './money';
import type { ShopDataset } from './shop-dataset';

const PERIOD_DAYS: Record<ExpectedPeriodName, number> = { today: 0, last7Days: 6, last30Days: 29 };

const isPayment = (t: SandboxOrder['transactions'][number]): boolean => t.status === 'SUCCESS' && (t.kind === 'SALE' || t.kind === 'CAPTURE');

/**
 * The revenue policy applied straight to the dataset (not through GraphQL or REST), summed in
 * bigint minor units, so a sync's result can be checked against an independent computation.
 * It reads the orders once; `periods` works on the counted orders kept from that pass.
 */
export function computeExpectedTotals(dataset: Pick<ShopDataset, 'profile' | 'orderCount' | 'order'>): ExpectedTotals {
  const { currency, timeZone } = dataset.profile;
  let gross = 0n;
  let refunds = 0n;
  let fees = 0n;
  let orders = 0;
  let cancelledOrders = 0;
  let testOrders = 0;
  let ordersWithoutFees = 0;
  const counted: CountedOrder[] = [];
  for (let i = 0; i < dataset.orderCount; i++) {
    const order = dataset.order(i);
    if (order.test) {
      testOrders += 1;
      continue;
    }
    if (order.cancelledAt !== null) {
      cancelledOrders += 1;
      continue;
    }
    const total = BigInt(order.total);
    const refunded = order.refunds.reduce((sum, r) => sum + BigInt(r.amount), 0n);
    orders += 1;
    gross += total;
    refunds += refunded;
    const payments = order.transactions.filter(isPayment);
    if (!payments.some((t) => t.fees.length > 0)) ordersWithoutFees += 1;
    for (const t of payments) for (const fee of t.fees) fees += BigInt(fee.amount);
    counted.push({ createdMs: order.createdAt * 1000, total, refunded });
  }
  return new DatasetTotals({
    currency,
    timeZone,
    orders,
    cancelledOrders,
    testOrders,
    gross: formatMinor(gross, currency),
    refunds: formatMinor(refunds, currency),
    net: formatMinor(gross - refunds, currency),
    fees: ordersWithoutFees === 0 ? formatMinor(fees, currency) : null,
    ordersWithoutFees,
  }, counted);
}

interface CountedOrder {
  createdMs: number;
  total: bigint;
  refunded: bigint;
}

/**
 * Plain data fields plus `periods` on the prototype, so two totals compare with `toEqual` and
 * `{ ...totals }` is plain data.
 */
class DatasetTotals implements ExpectedTotals {
  readonly currency!: ExpectedTotals['currency'];
  readonly timeZone!: string;
  readonly orders!: number;
  readonly cancelledOrders!: number;
  readonly testOrders!: number;
  readonly gross!: string;
  readonly refunds!: string;
  readonly net!: string;
  readonly fees!: string | null;
  readonly ordersWithoutFees!: number;
  readonly #counted: readonly CountedOrder[];

  constructor(fields: Omit<ExpectedTotals, 'periods'>, counted: readonly CountedOrder[]) {
    Object.assign(this, fields);
    this.#counted = counted;
  }

  periods(asOf: Date): Record<ExpectedPeriodName, ExpectedPeriod> {
    const result = {} as Record<ExpectedPeriodName, ExpectedPeriod>;
    for (const [name, daysBack] of Object.entries(PERIOD_DAYS) as [ExpectedPeriodName, number][]) {
      const from = localMidnight(this.timeZone, asOf, daysBack).getTime();
      let n = 0;
      let revenue = 0n;
      let net = 0n;
      for (const o of this.#counted) {
        if (o.createdMs < from || o.createdMs > asOf.getTime()) continue;
        n += 1;
        revenue += o.total;
        net += o.total - o.refunded;
      }
      result[name] = { orders: n, revenue: formatMinor(revenue, this.currency), netRevenue: formatMinor(net, this.currency) };
    }
    return result;
  }
}
