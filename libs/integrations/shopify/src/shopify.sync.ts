import { createEnvelope, type Envelope, type EventSource, type SyncError } from '@ops/sse-events';
import { enqueueOutbox } from '@ops/store';
import { fanOutStatus, forEachAccount, type JobOutcome, type RunContext, type SyncJob } from '@ops/sync-core';

import type { ShopifyConfig, ShopifyStoreConfig } from './config/shopify.config';
import type { ShopifyClient } from './client/shopify.client';
import { type StoreOutcome, storeSyncedPayload, syncCompletedPayload } from './metrics/sales.metrics';
import { syncStore } from './shopify-store.sync';

/** Events about the run as a whole name this account. */
const ALL_STORES = 'all-stores';

/**
 * The multistore Shopify sync: every configured store in parallel, each failing on its own. A
 * store's `shopify:store_synced` is committed with its final cursor and the totals read in that
 * transaction; a failing store gets its `shopify:sync_error` while the others complete; the
 * completed event lists every store's outcome and is committed with the run record.
 */
export class ShopifySync implements SyncJob {
  readonly integration = 'shopify' as const;

  constructor(
    private readonly config: ShopifyConfig,
    private readonly clients: ReadonlyMap<string, ShopifyClient>,
    /** The sync time the sales periods are measured from. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  startedEvent(): Envelope {
    const stores = this.config.stores.map((s) => ({ storeId: s.domain, ...(s.label ? { label: s.label } : {}) }));
    return createEnvelope('shopify:sync_started', this.source(ALL_STORES), { stores });
  }

  failedEvent(error: SyncError, retryable: boolean): Envelope {
    return createEnvelope('shopify:sync_error', this.source(ALL_STORES), { error, retryable });
  }

  async execute(context: RunContext): Promise<JobOutcome> {
    const results = await forEachAccount(
      this.config.stores,
      (store) =>
        syncStore(
          store,
          this.clientOf(store),
          this.config,
          context,
          (totals) => createEnvelope('shopify:store_synced', this.source(store.domain), storeSyncedPayload(totals)),
          this.now,
        ),
      {
        signal: context.signal,
        onFailure: async (store, error, retryable) => {
          context.progress(`${store.domain}: failed: ${error.message}`);
          await enqueueOutbox(context.database.db, [
            createEnvelope('shopify:sync_error', this.source(store.domain), { storeId: store.domain, error, retryable }),
          ]);
        },
      },
    );
    const outcomes: StoreOutcome[] = results.map((r) =>
      r.status === 'succeeded' ? { storeId: r.account.domain, status: 'synced', totals: r.value } : { storeId: r.account.domain, status: 'failed' },
    );
    const orders = results.reduce((sum, r) => sum + (r.status === 'succeeded' ? r.value.orders : 0), 0);
    return {
      status: fanOutStatus(results),
      counters: { stores: results.length, failedStores: results.filter((r) => r.status === 'failed').length, orders },
      events: [createEnvelope('shopify:sync_completed', this.source(ALL_STORES), syncCompletedPayload(outcomes))],
    };
  }

  private clientOf(store: ShopifyStoreConfig): ShopifyClient {
    const client = this.clients.get(store.domain);
    if (!client) throw new Error(`no client for ${store.domain}`);
    return client;
  }

  private source(account: string): EventSource {
    const sandbox = account === ALL_STORES ? this.config.stores.some((s) => s.endpoint) : this.storeOf(account)?.endpoint;
    return { system: 'shopify', account, environment: sandbox ? 'sandbox' : 'production' };
  }

  private storeOf(domain: string): ShopifyStoreConfig | undefined {
    return this.config.stores.find((s) => s.domain === domain);
  }
}
