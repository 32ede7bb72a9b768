import type { UnleashedInventory } from '@ops/read-api-contract';

import { Card } from '../components/Card';
import { CountFigure, MoneyFigure, QuantityFigure } from '../components/Figure';
import { FigureList } from '../components/FigureList';
import { NoDataCard } from '../components/NoDataCard';
import { accountTitle, isSandbox } from '../lib/account-entry';
import { inventoryKey } from '../lib/figure-key';
import { formatInstant, formatQuantity } from '../lib/format';
import { AlertList } from './AlertList';

/** Stock on hand of one Unleashed organisation, with its low and out-of-stock alerts. */
export function UnleashedInventoryCard({ organisation }: { organisation: UnleashedInventory }) {
  const title = `Unleashed · ${accountTitle(organisation)}`;
  if (organisation.status === 'no_data') return <NoDataCard title={title} sandbox={isSandbox(organisation)} reason={organisation.reason} />;
  const key = (field: string) => inventoryKey('unleashed', organisation.source.account, field);
  const value =
    organisation.totalValueCurrency === null ? (
      <>
        <QuantityFigure figure={key('totalValue')} value={organisation.totalValue} />{' '}
        <span className="muted small">(currency unknown: {organisation.totalValueCurrencyReason})</span>
      </>
    ) : (
      <MoneyFigure figure={key('totalValue')} amount={organisation.totalValue} currency={organisation.totalValueCurrency} />
    );
  return (
    <Card
      title={title}
      sandbox={isSandbox(organisation)}
      subtitle={
        <>
          Stock as of <time dateTime={organisation.asOf}>{formatInstant(organisation.asOf)}</time>
        </>
      }
    >
      <FigureList
        rows={[
          { label: 'Products', figure: <CountFigure figure={key('products')} value={organisation.products} /> },
          { label: 'Warehouses', figure: <CountFigure figure={key('warehouses')} value={organisation.warehouses} /> },
          { label: 'On hand', figure: <QuantityFigure figure={key('totalOnHand')} value={organisation.totalOnHand} /> },
          { label: 'Allocated', figure: <QuantityFigure figure={key('totalAllocated')} value={organisation.totalAllocated} /> },
          { label: 'Available', figure: <QuantityFigure figure={key('totalAvailable')} value={organisation.totalAvailable} /> },
          { label: 'Stock value (average cost)', figure: value },
          { label: 'Stock lines', figure: <CountFigure figure={key('lines')} value={organisation.lines} /> },
          { label: 'Stock alerts', figure: <CountFigure figure={key('alertCount')} value={organisation.alertCount} /> },
        ]}
      />
      <AlertList
        title="Stock alerts"
        total={organisation.alertCount}
        items={organisation.alerts.map((alert) => ({
          key: `${alert.productCode}@${alert.warehouseCode}`,
          name: `${alert.productCode} @ ${alert.warehouseCode}`,
          detail: `${alert.kind === 'out_of_stock' ? 'out of stock' : 'low'}: ${formatQuantity(alert.available)} available, threshold ${formatQuantity(alert.threshold)}`,
        }))}
      />
    </Card>
  );
}
