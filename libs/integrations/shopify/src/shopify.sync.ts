import { createEnvelope, type Envelope, type EventSource, serializeSyncError, type SyncError } from '@ops/sse-events';
import { enqueueOutbox } from '@ops/store';
import { isRetryable, type JobOutcome, type RunContext, type SyncJob } from '@ops/sync-core';

import type { ShopifyConfig, ShopifyStoreConfig } from './config/shopify.config';
import type { ShopifyClient } from './client/shopify.client';
import { type StoreOutcome, storeSyncedPayload, syncCompletedPayload } from './metrics/sales.metrics';
import { syncStore } from './shopify-store.sync';

/** Events about the run as a whole name this account. */
const ALL_STORES = 'all-stores';

/**
 * The multistore Shopify sync: every configured store in parallel, each failing on its own. A
 * store that fails gets its `shopify:sync_error` while the others complete; the completed event
 * lists every store's outcome. Events go through the outbox.
 */
export class ShopifySync implements SyncJob {
  readonly integration = 'shopify' as const;

  constructor(
    private readonly config: ShopifyConfig,
    private readonly clients: ReadonlyMap<string, ShopifyClient>,
  ) {}

  startedEvent(): Envelope {
    const stores = this.config.stores.map((s) => ({ storeId: s.domain, ...(s.label ? { label: s.label } : {}) }));
    return createEnvelope('shopify:sync_started', this.source(ALL_STORES), { stores });
  }

  failedEvent(error: SyncError, retryable: boolean): Envelope {
    return createEnvelope('shopify:sync_error', this.source(ALL_STORES), { error, retryable });
  }

  async execute(context: RunContext): Promise<JobOutcome> {
    const outcomes = await Promise.all(this.config.stores.map((store) => this.syncOne(store, context)));
    const failed = outcomes.filter((o) => o.status === 'failed').length;
    await enqueueOutbox(context.database.db, [
      createEnvelope('shopify:sync_completed', this.source(ALL_STORES), syncCompletedPayload(outcomes)),
    ]);
    const orders = outcomes.reduce((sum, o) => sum + (o.status === 'synced' ? o.totals.orders : 0), 0);
    return {
      status: failed === 0 ? 'succeeded' : failed === outcomes.length ? 'failed' : 'partial',
      counters: { stores: outcomes.length, failedStores: failed, orders },
    };
  }

  private async syncOne(store: ShopifyStoreConfig, context: RunContext): Promise<StoreOutcome> {
    const client = this.clients.get(store.domain);
    try {
      if (!client) throw new Error(`no client for ${store.domain}`);
      const totals = await syncStore(store, client, this.config, context);
      await enqueueOutbox(context.database.db, [
        createEnvelope('shopify:store_synced', this.source(store.domain), storeSyncedPayload(totals)),
      ]);
      return { storeId: store.domain, status: 'synced', totals };
    } catch (error) {
      const serialized = serializeSyncError(error);
      context.progress(`${store.domain}: failed: ${serialized.message}`);
      await enqueueOutbox(context.database.db, [
        createEnvelope('shopify:sync_error', this.source(store.domain), {
          storeId: store.domain,
          error: serialized,
          retryable: isRetryable(error),
        }),
      ]);
      return { storeId: store.domain, status: 'failed' };
    }
  }

  private source(account: string): EventSource {
    const sandbox = account === ALL_STORES ? this.config.stores.some((s) => s.endpoint) : this.storeOf(account)?.endpoint;
    return { system: 'shopify', account, environment: sandbox ? 'sandbox' : 'production' };
  }

  private storeOf(domain: string): ShopifyStoreConfig | undefined {
    return this.config.stores.find((s) => s.domain === domain);
  }
}
