import type { ExpectedTotals } from '../sandbox.types';
import { refundedTotal } from './dataset.types';
import { formatMinor } from './money';
import type { ShopDataset } from './shop-dataset';

/**
 * Totals straight from the dataset (not through GraphQL or REST), summed in bigint minor units,
 * so a sync's result can be checked against an independent computation.
 */
export function computeExpectedTotals(dataset: ShopDataset): ExpectedTotals {
  let gross = 0n;
  let refunds = 0n;
  let fees = 0n;
  for (let i = 0; i < dataset.orderCount; i++) {
    const order = dataset.order(i);
    gross += BigInt(order.total);
    refunds += BigInt(refundedTotal(order));
    for (const transaction of order.transactions) for (const fee of transaction.fees) fees += BigInt(fee.amount);
  }
  const currency = dataset.profile.currency;
  return {
    orders: dataset.orderCount,
    gross: formatMinor(gross, currency),
    refunds: formatMinor(refunds, currency),
    net: formatMinor(gross - refunds, currency),
    fees: formatMinor(fees, currency),
    currency,
  };
}
