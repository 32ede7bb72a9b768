import type { ShopifyStoreSales } from '@ops/read-api-contract';

import { Card } from '../components/Card';
import { CountFigure, MoneyFigure, UnavailableFigure } from '../components/Figure';
import { FigureList } from '../components/FigureList';
import { NoDataCard } from '../components/NoDataCard';
import { accountTitle, isSandbox } from '../lib/account-entry';
import { SALES_PERIODS, salesKey, salesPeriodKey } from '../lib/figure-key';
import { formatInstant } from '../lib/format';
import { PeriodTable } from './PeriodTable';

/** A Shopify store: all synced orders and money in the shop currency, then today / 7 / 30 days. */
export function ShopifyStoreCard({ store }: { store: ShopifyStoreSales }) {
  const title = `Shopify · ${accountTitle(store)}`;
  if (store.status === 'no_data') return <NoDataCard title={title} sandbox={isSandbox(store)} reason={store.reason} />;
  const account = store.source.account;
  const key = (field: string) => salesKey('shopify', account, field);
  const money = (field: 'revenue' | 'refunds' | 'netRevenue') => <MoneyFigure figure={key(field)} amount={store[field]} currency={store.currency} />;
  return (
    <Card
      title={title}
      sandbox={isSandbox(store)}
      subtitle={
        <>
          {store.currency}, synced <time dateTime={store.syncedAt}>{formatInstant(store.syncedAt)}</time>
        </>
      }
    >
      <PeriodTable
        caption={`Orders and revenue by period (${store.periods.timeZone})`}
        periods={SALES_PERIODS.map((period) => ({
          period,
          orders: <CountFigure figure={salesPeriodKey('shopify', account, period, 'orders')} value={store.periods[period].orders} />,
          revenue: <MoneyFigure figure={salesPeriodKey('shopify', account, period, 'revenue')} amount={store.periods[period].revenue} currency={store.currency} />,
          netRevenue: (
            <MoneyFigure figure={salesPeriodKey('shopify', account, period, 'netRevenue')} amount={store.periods[period].netRevenue} currency={store.currency} />
          ),
        }))}
      />
      <FigureList
        rows={[
          { label: 'Orders (all synced)', figure: <CountFigure figure={key('orders')} value={store.orders} /> },
          { label: 'Revenue', figure: money('revenue') },
          { label: 'Refunds', figure: money('refunds') },
          { label: 'Net revenue', figure: money('netRevenue') },
          {
            label: 'Fees',
            figure:
              store.fees === null ? (
                <UnavailableFigure figure={key('fees')} reason={store.feesReason} />
              ) : (
                <MoneyFigure figure={key('fees')} amount={store.fees} currency={store.currency} />
              ),
          },
          { label: 'Cancelled orders', figure: <CountFigure figure={key('cancelledOrders')} value={store.cancelledOrders} /> },
          { label: 'Test orders', figure: <CountFigure figure={key('testOrders')} value={store.testOrders} /> },
          { label: 'Products', figure: <CountFigure figure={key('products')} value={store.products} /> },
        ]}
      />
    </Card>
  );
}
