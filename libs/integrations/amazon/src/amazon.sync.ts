import { createEnvelope, type Envelope, type EventSource, type SyncError } from '@ops/sse-events';
import { enqueueOutbox } from '@ops/store';
import { fanOutStatus, forEachAccount, type JobOutcome, type RunContext, type SyncJob } from '@ops/sync-core';

import type { AmazonConfig } from './config/amazon.config';
import type { SpApiClient } from './client/sp-api.client';
import { syncMarketplace } from './amazon-marketplace.sync';
import { completedPayload } from './metrics/amazon-payloads.metrics';
import { lowStockRuleOf } from './marketplace-totals';

/** Events about the run as a whole name this account. */
export const ALL_MARKETPLACES = 'all-marketplaces';

/**
 * The Amazon sync: every configured marketplace at once (sharing the seller's operation buckets),
 * each failing on its own with its `amazon:sync_error`; `amazon:sync_completed` adds up the ones
 * that synced and is committed with the run record.
 */
export class AmazonSync implements SyncJob {
  readonly integration = 'amazon' as const;

  constructor(
    private readonly config: AmazonConfig,
    private readonly client: SpApiClient,
    private readonly now: () => number = Date.now,
  ) {}

  startedEvent(): Envelope {
    return createEnvelope('amazon:sync_started', this.source(ALL_MARKETPLACES), { marketplaces: this.config.marketplaces.map((m) => m.id) });
  }

  failedEvent(error: SyncError, retryable: boolean): Envelope {
    return createEnvelope('amazon:sync_error', this.source(ALL_MARKETPLACES), { error, retryable });
  }

  async execute(context: RunContext): Promise<JobOutcome> {
    const before = new Map(this.client.requests);
    const results = await forEachAccount(
      this.config.marketplaces,
      (marketplace) => syncMarketplace(marketplace, this.client, this.config, context, this.source(marketplace.id), this.now),
      {
        signal: context.signal,
        onFailure: async (marketplace, error, retryable) => {
          context.progress(`${marketplace.id}: failed: ${error.message}`);
          await enqueueOutbox(context.database.db, [createEnvelope('amazon:sync_error', this.source(marketplace.id), { marketplace: marketplace.id, error, retryable })]);
        },
      },
    );
    const synced = results.flatMap((r) => (r.status === 'succeeded' ? [r.value] : []));
    const outcomes = results.map((r) => ({ marketplace: r.account.id, status: r.status === 'succeeded' ? ('synced' as const) : ('failed' as const) }));
    const requests = Object.fromEntries([...this.client.requests].map(([operation, count]) => [`requests.${operation}`, count - (before.get(operation) ?? 0)]));
    context.progress(`requests this run: ${Object.entries(requests).map(([k, v]) => `${k.slice(9)}=${v}`).join(' ')}`);
    return {
      status: fanOutStatus(results),
      counters: {
        marketplaces: results.length,
        failedMarketplaces: results.length - synced.length,
        orders: synced.reduce((sum, f) => sum + f.orders.totalOrders, 0),
        ...requests,
      },
      events: [createEnvelope('amazon:sync_completed', this.source(ALL_MARKETPLACES), completedPayload(synced, outcomes, lowStockRuleOf(this.config)))],
    };
  }

  private source(account: string): EventSource {
    return { system: 'amazon', account, environment: this.config.endpoint ? 'sandbox' : 'production' };
  }
}
