import type { AmazonMarketplaceSales } from '@ops/read-api-contract';

import { Card } from '../components/Card';
import { CountFigure, MoneyFigure, UnavailableFigure } from '../components/Figure';
import { FigureList, type FigureRow } from '../components/FigureList';
import { NoDataCard } from '../components/NoDataCard';
import { accountTitle, isSandbox } from '../lib/account-entry';
import { salesKey } from '../lib/figure-key';
import { formatInstant } from '../lib/format';

/** An Amazon marketplace: orders placed in its sync window, revenue in the marketplace currency (or per currency). */
export function AmazonSalesCard({ marketplace }: { marketplace: AmazonMarketplaceSales }) {
  const title = `Amazon · ${accountTitle(marketplace)}`;
  if (marketplace.status === 'no_data') return <NoDataCard title={title} sandbox={isSandbox(marketplace)} reason={marketplace.reason} />;
  const key = (field: string) => salesKey('amazon', marketplace.source.account, field);
  const revenue: FigureRow[] =
    marketplace.revenue === null
      ? [
          { label: 'Revenue', figure: <UnavailableFigure figure={key('revenue')} reason={marketplace.revenueReason} /> },
          ...Object.entries(marketplace.revenueByCurrency).map(([currency, amount]) => ({
            label: `Revenue in ${currency}`,
            figure: <MoneyFigure amount={amount} currency={currency} />,
          })),
        ]
      : [{ label: 'Revenue', figure: <MoneyFigure figure={key('revenue')} amount={marketplace.revenue} currency={marketplace.currency} /> }];
  return (
    <Card
      title={title}
      sandbox={isSandbox(marketplace)}
      subtitle={
        <>
          Orders placed in the last {marketplace.windowDays} days (since <time dateTime={marketplace.since}>{formatInstant(marketplace.since)}</time>), synced{' '}
          <time dateTime={marketplace.syncedAt}>{formatInstant(marketplace.syncedAt)}</time>
        </>
      }
    >
      <FigureList
        rows={[
          { label: 'Orders', figure: <CountFigure figure={key('orders')} value={marketplace.orders} /> },
          ...revenue,
          { label: 'Units', figure: <CountFigure figure={key('units')} value={marketplace.units} /> },
          { label: 'Cancelled orders', figure: <CountFigure figure={key('canceledOrders')} value={marketplace.canceledOrders} /> },
          { label: 'Pending orders', figure: <CountFigure figure={key('pendingOrders')} value={marketplace.pendingOrders} /> },
        ]}
      />
    </Card>
  );
}
