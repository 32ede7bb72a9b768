import type { ForecastsResponse, InventoryResponse, ProductionResponse, SalesResponse, WorkingCapitalResponse } from '@ops/read-api-contract';
import type { Envelope } from '@ops/sse-events';
import {
  type Database,
  type ForecastResult,
  latestEventsByAccount,
  latestForecastJobWithStatus,
  listActiveForecastJobs,
  listBalanceSheetSnapshots,
  listForecastResults,
  type SkuDailySales,
  streamDailySalesBySku,
} from '@ops/store';

import { byAccount, sectionOf } from './mapping/entries';
import { forecastsResponse, topForecasts } from './mapping/forecasts.mapper';
import { amazonMarketplaceInventory, unleashedInventory } from './mapping/inventory.mapper';
import { unleashedProduction } from './mapping/production.mapper';
import { amazonMarketplaceSales, shopifyStoreSales } from './mapping/sales.mapper';
import { tenantWorkingCapital } from './mapping/working-capital.mapper';
import type { ConfiguredAccount, ReadSources } from './sources/read-sources';

const NO_ACCOUNTS = 'no account is configured';

/**
 * The read side over the store: for each configured account, the figures its worker committed with
 * its data (the latest state event per account, or the stored balance sheets), never recomputed
 * at another instant, so the page shows what the events said.
 */
export class ReadModel {
  constructor(
    private readonly database: Database,
    private readonly sources: () => ReadSources,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async sales(): Promise<SalesResponse> {
    const { shopify, amazon } = this.sources();
    const db = this.database.db;
    const stores = byAccount(shopify.configured ? await latestEventsByAccount(db, 'shopify', ['shopify:store_synced']) : []);
    const orders = byAccount(amazon.configured ? await latestEventsByAccount(db, 'amazon', ['amazon:orders_synced']) : []);
    return {
      generatedAt: this.now().toISOString(),
      shopify: sectionOf(shopify, (accounts) => accounts.map((a) => shopifyStoreSales(a, stores.get(a.id))), NO_ACCOUNTS),
      amazon: sectionOf(amazon, (accounts) => accounts.map((a) => amazonMarketplaceSales(a, orders.get(a.id))), NO_ACCOUNTS),
    };
  }

  async workingCapital(): Promise<WorkingCapitalResponse> {
    const { xero } = this.sources();
    if (!xero.configured) return { generatedAt: this.now().toISOString(), xero: { status: 'not_configured', reason: xero.reason } };
    const db = this.database.db;
    const snapshots = await listBalanceSheetSnapshots(db, 'xero');
    const updates = byAccount(await latestEventsByAccount(db, 'xero', ['working_capital:update']));
    // Tenants are found through the connection at sync time: those XERO_TENANTS names, and every one stored.
    const ids = [...new Set([...xero.accounts.map((a) => a.id), ...snapshots.map((s) => s.tenantId)])];
    const accounts: ConfiguredAccount[] = ids.map((id) => xero.accounts.find((a) => a.id === id) ?? { id, environment: xero.environment });
    return {
      generatedAt: this.now().toISOString(),
      xero: sectionOf(
        { ...xero, accounts },
        (list) => list.map((a) => tenantWorkingCapital(a, snapshots.filter((s) => s.tenantId === a.id), updates.get(a.id))),
        'no Xero tenant has synced yet',
      ),
    };
  }

  async inventory(): Promise<InventoryResponse> {
    const { amazon, unleashed } = this.sources();
    const db = this.database.db;
    const amazonEvents = amazon.configured ? await latestEventsByAccount(db, 'amazon', ['amazon:inventory_synced', 'amazon:fba_synced']) : [];
    const stock = byAccount(amazonEvents.filter((e): e is Envelope<'amazon:inventory_synced'> => e.type === 'amazon:inventory_synced'));
    const fba = byAccount(amazonEvents.filter((e): e is Envelope<'amazon:fba_synced'> => e.type === 'amazon:fba_synced'));
    const completed = byAccount(unleashed.configured ? await latestEventsByAccount(db, 'unleashed', ['unleashed:sync_completed']) : []);
    return {
      generatedAt: this.now().toISOString(),
      amazon: sectionOf(amazon, (accounts) => accounts.map((a) => amazonMarketplaceInventory(a, stock.get(a.id), fba.get(a.id))), NO_ACCOUNTS),
      unleashed: sectionOf(unleashed, (accounts) => accounts.map((a) => unleashedInventory(a, completed.get(a.id))), NO_ACCOUNTS),
    };
  }

  async production(): Promise<ProductionResponse> {
    const { unleashed } = this.sources();
    const completed = byAccount(unleashed.configured ? await latestEventsByAccount(this.database.db, 'unleashed', ['unleashed:sync_completed']) : []);
    return {
      generatedAt: this.now().toISOString(),
      unleashed: sectionOf(unleashed, (accounts) => accounts.map((a) => unleashedProduction(a, completed.get(a.id))), NO_ACCOUNTS),
    };
  }

  async forecasts(): Promise<ForecastsResponse> {
    const { forecast } = this.sources();
    const db = this.database.db;
    const active = (await listActiveForecastJobs(db)).at(-1) ?? null;
    const job = await latestForecastJobWithStatus(db, ['succeeded']);
    const shown: ForecastResult[] = job ? topForecasts(await listForecastResults(db, job.id)) : [];
    const sales = new Map<string, SkuDailySales>();
    const through = job?.summary?.historyThrough;
    if (job && through && shown.length > 0) {
      const options = { timeZone: forecast.timeZone, through, skus: shown.map((r) => r.sku), ...(job.scope.sources ? { sources: job.scope.sources } : {}) };
      for await (const series of streamDailySalesBySku(db, options)) sales.set(series.sku, series);
    }
    return forecastsResponse({
      generatedAt: this.now(),
      source: { system: 'forecast', account: 'all', environment: forecast.environment },
      timeZone: forecast.timeZone,
      active,
      latest: job ? { job, shown, sales } : null,
    });
  }
}
