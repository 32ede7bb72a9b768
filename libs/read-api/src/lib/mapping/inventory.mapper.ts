import type { AmazonMarketplaceInventory, UnleashedInventory } from '@ops/read-api-contract';
import type { Envelope } from '@ops/sse-events';

import type { ConfiguredAccount } from '../sources/read-sources';
import { missingFields, noData, okEntry, olderVersionReason, unusableReason } from './entries';

const INVENTORY_FIELDS = ['fulfillable', 'inbound', 'reserved', 'unfulfillable', 'lowStockRule', 'lowStockCount'] as const;
const FBA_FIELDS = ['openShipments', 'byStatus'] as const;

/** An Amazon marketplace's stock from its latest `amazon:inventory_synced` and `amazon:fba_synced`. Pure. */
export function amazonMarketplaceInventory(
  account: ConfiguredAccount,
  inventory: Envelope<'amazon:inventory_synced'> | undefined,
  fba: Envelope<'amazon:fba_synced'> | undefined,
): AmazonMarketplaceInventory {
  const nothing = 'no sync of this marketplace has completed yet';
  const reason = unusableReason(account, inventory, nothing) ?? unusableReason(account, fba, nothing);
  if (reason || !inventory || !fba) return noData('amazon', account, reason ?? nothing);
  const i = inventory.payload;
  const f = fba.payload;
  const missing = [...missingFields(i, INVENTORY_FIELDS), ...missingFields(f, FBA_FIELDS)];
  if (missing.length > 0 || !i.lowStockRule) return noData('amazon', account, olderVersionReason(missing));
  return {
    ...okEntry('amazon', account, inventory.occurredAt),
    totalSKUs: i.totalSKUs,
    totalQuantity: i.totalQuantity,
    fulfillable: i.fulfillable ?? 0,
    inbound: i.inbound ?? 0,
    reserved: i.reserved ?? 0,
    unfulfillable: i.unfulfillable ?? 0,
    lowStockRule: i.lowStockRule,
    lowStockCount: i.lowStockCount ?? 0,
    lowStockItems: i.lowStockItems,
    shipments: f.shipmentCount,
    openShipments: f.openShipments ?? 0,
    shipmentsByStatus: f.byStatus ?? {},
    inboundUnits: f.inboundCount,
  };
}

/** An Unleashed organisation's stock on hand and alerts from its latest `unleashed:sync_completed`. Pure. */
export function unleashedInventory(account: ConfiguredAccount, event: Envelope<'unleashed:sync_completed'> | undefined): UnleashedInventory {
  const reason = unusableReason(account, event, 'no Unleashed sync has completed yet');
  if (reason || !event) return noData('unleashed', account, reason ?? '');
  const p = event.payload;
  return {
    ...okEntry('unleashed', account, event.occurredAt),
    asOf: p.asOf,
    ...p.inventory,
    totalValueCurrency: null,
    totalValueCurrencyReason: "Unleashed values stock in the organisation's base currency, which its API does not report to this integration",
    alertCount: p.alertCount,
    alerts: p.alerts,
  };
}
