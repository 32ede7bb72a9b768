import { createEnvelope, type Envelope, type EventSource, serializeSyncError, type SyncError } from '@ops/sse-events';
import { enqueueOutbox, getCursor, setCursor } from '@ops/store';
import { inventoryUpdateEvents, isRetryable, type JobOutcome, type RunContext, type SyncJob } from '@ops/sync-core';

import type { UnleashedClient } from './client/unleashed.client';
import { formatFilterDate } from './client/unleashed-dates';
import type { UnleashedConfig } from './config/unleashed.config';
import { productionFigures } from './metrics/production.metrics';
import { MAX_ALERTS, reorderAlerts } from './metrics/reorder-alerts';
import { stockTotals } from './metrics/stock.metrics';
import type { CompletedPayload } from './metrics/unleashed-payload.types';
import { parseUnleashedCursor } from './unleashed-cursor';
import { fetchUnleashedChanges } from './unleashed-fetch';
import { INTEGRATION, type StoredState, writeChanges } from './unleashed-store.writer';

/**
 * The Unleashed sync: Products, StockOnHand and Assemblies changed since the last successful
 * run's date (everything on the first run or with `--full`), written with the new cursor, the
 * inventory snapshot and one `inventory:update` per changed SKU/warehouse in one transaction;
 * then `unleashed:sync_completed` with production, stock and alert figures read back from the
 * store. The run's counters include `apiCalls`, the requests Unleashed bills.
 */
export class UnleashedSync implements SyncJob {
  readonly integration = 'unleashed' as const;

  constructor(
    private readonly config: UnleashedConfig,
    /** A fresh client per run, so its call count is this run's. */
    private readonly createClient: () => UnleashedClient,
    /** The instant production dates are measured from. */
    private readonly now: () => Date = () => new Date(),
  ) {}

  startedEvent(): Envelope {
    return createEnvelope('unleashed:sync_started', this.source(), {});
  }

  failedEvent(error: SyncError, retryable: boolean): Envelope {
    return createEnvelope('unleashed:sync_error', this.source(), { error, retryable });
  }

  /**
   * Runs the sync. A failure (other than a shutdown, which is rethrown so the run is
   * `interrupted`) is reported as a `failed` outcome with its `unleashed:sync_error`, so the run
   * record still counts the API calls the attempt spent.
   */
  async execute(context: RunContext): Promise<JobOutcome> {
    const client = this.createClient();
    try {
      return await this.sync(context, client);
    } catch (error) {
      if (context.signal.aborted) throw error;
      const serialized = serializeSyncError(error);
      context.progress(`unleashed: failed: ${serialized.message} (${client.calls} API calls)`);
      return {
        status: 'failed',
        counters: { apiCalls: client.calls },
        events: [this.failedEvent(serialized, isRetryable(error))],
        error: serialized,
      };
    }
  }

  private async sync(context: RunContext, client: UnleashedClient): Promise<JobOutcome> {
    const { database, signal } = context;
    const startedAt = this.now();
    const cursor = context.full ? undefined : parseUnleashedCursor(await getCursor(database.db, INTEGRATION, this.config.accountId));
    context.progress(`unleashed: ${cursor ? `changes since ${cursor.modifiedSince}` : 'full sync'}`);
    const changes = await fetchUnleashedChanges(
      client,
      { modifiedSince: cursor?.modifiedSince, pageSize: this.config.pageSize },
      signal,
      context.progress,
    );
    const state = await database.transaction(async (tx) => {
      const stored = await writeChanges(tx, this.config.accountId, changes, !cursor, startedAt);
      await enqueueOutbox(tx, inventoryUpdateEvents(this.source(), stored.inventoryChanges));
      await setCursor(tx, INTEGRATION, this.config.accountId, JSON.stringify({ modifiedSince: formatFilterDate(startedAt) }));
      return stored;
    });
    const payload = completedPayload(state, startedAt, client.calls);
    context.progress(
      `unleashed: ${payload.production.total} jobs (${payload.production.late.count} late), ${payload.inventory.lines} stock lines, ` +
        `${payload.alertCount} alerts, ${state.inventoryChanges.length} quantities changed, ${client.calls} API calls`,
    );
    return {
      status: 'succeeded',
      counters: {
        apiCalls: client.calls,
        productsRead: changes.products.length,
        stockLinesRead: changes.stock.length,
        assembliesRead: changes.assemblies.length,
        inventoryChanges: state.inventoryChanges.length,
        alerts: payload.alertCount,
      },
      events: [createEnvelope('unleashed:sync_completed', this.source(), payload)],
    };
  }

  private source(): EventSource {
    return { system: 'unleashed', account: this.config.accountId, environment: this.config.sandbox ? 'sandbox' : 'production' };
  }
}

/** The completed event's payload from the stored state (pure). */
export function completedPayload(state: Omit<StoredState, 'inventoryChanges'>, asOf: Date, apiCalls: number): CompletedPayload {
  const alerts = reorderAlerts(state.stock, state.products);
  return {
    asOf: asOf.toISOString(),
    production: productionFigures(state.assemblies, asOf),
    inventory: stockTotals(state.stock),
    alertCount: alerts.length,
    alerts: alerts.slice(0, MAX_ALERTS),
    apiCalls,
  };
}
