import type { AmazonMarketplaceInventory } from '@ops/read-api-contract';

import { Card } from '../components/Card';
import { CountFigure } from '../components/Figure';
import { FigureList } from '../components/FigureList';
import { NoDataCard } from '../components/NoDataCard';
import { accountTitle, isSandbox } from '../lib/account-entry';
import { inventoryKey } from '../lib/figure-key';
import { formatCount, formatInstant } from '../lib/format';
import { AlertList } from './AlertList';

const COUNT_FIELDS = [
  ['totalSKUs', 'SKUs'],
  ['totalQuantity', 'Total units'],
  ['fulfillable', 'Fulfillable'],
  ['inbound', 'Inbound'],
  ['reserved', 'Reserved'],
  ['unfulfillable', 'Unfulfillable'],
  ['lowStockCount', 'Low-stock SKUs'],
  ['openShipments', 'Open inbound shipments'],
  ['inboundUnits', 'Units on open shipments'],
] as const;

/** FBA stock of one marketplace, with its low-stock SKUs. */
export function AmazonInventoryCard({ marketplace }: { marketplace: AmazonMarketplaceInventory }) {
  const title = `Amazon FBA · ${accountTitle(marketplace)}`;
  if (marketplace.status === 'no_data') return <NoDataCard title={title} sandbox={isSandbox(marketplace)} reason={marketplace.reason} />;
  const account = marketplace.source.account;
  const rule = marketplace.lowStockRule;
  return (
    <Card
      title={title}
      sandbox={isSandbox(marketplace)}
      subtitle={
        <>
          Synced <time dateTime={marketplace.syncedAt}>{formatInstant(marketplace.syncedAt)}</time>
        </>
      }
    >
      <FigureList
        rows={COUNT_FIELDS.map(([field, label]) => ({
          label,
          figure: <CountFigure figure={inventoryKey('amazon', account, field)} value={marketplace[field]} />,
        }))}
      />
      <AlertList
        title="Low stock"
        total={marketplace.lowStockCount}
        note={rule ? `Below ${rule.days} days of cover over ${rule.windowDays} days of sales, or under ${rule.units} units without sales` : undefined}
        items={marketplace.lowStockItems.map((item) => ({
          key: `${item.marketplace}:${item.sku}`,
          name: item.sku,
          detail:
            item.daysOfCover === null
              ? `${formatCount(item.quantity)} units, no recent sales`
              : `${formatCount(item.quantity)} units, ${item.daysOfCover} days of cover`,
        }))}
      />
    </Card>
  );
}
