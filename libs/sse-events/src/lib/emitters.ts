import { createEnvelope, type EnvelopeOptions } from './create-envelope';
import type { Envelope, EventSource } from './envelope';
import type { EventPayload, EventType } from './event-map';
import type { EventPublisher } from './publishers/event-publisher';

export type Emitter<T extends EventType> = (
  publisher: EventPublisher,
  source: EventSource,
  payload: EventPayload<T>,
  options?: EnvelopeOptions,
) => Promise<Envelope<T>>;

/** The one publish path every typed helper goes through: build and validate, then publish. */
export function emitterFor<T extends EventType>(type: T): Emitter<T> {
  return async (publisher, source, payload, options) => {
    const envelope = createEnvelope(type, source, payload, options);
    await publisher.publish(envelope as Envelope);
    return envelope;
  };
}

export const emitXeroSyncStarted = emitterFor('xero:sync_started');
export const emitWorkingCapitalUpdate = emitterFor('working_capital:update');
export const emitXeroSyncError = emitterFor('xero:sync_error');
export const emitShopifySyncStarted = emitterFor('shopify:sync_started');
export const emitShopifyStoreSynced = emitterFor('shopify:store_synced');
export const emitShopifySyncCompleted = emitterFor('shopify:sync_completed');
export const emitShopifySyncError = emitterFor('shopify:sync_error');
export const emitAmazonSyncStarted = emitterFor('amazon:sync_started');
export const emitAmazonInventorySynced = emitterFor('amazon:inventory_synced');
export const emitAmazonOrdersSynced = emitterFor('amazon:orders_synced');
export const emitAmazonFBASynced = emitterFor('amazon:fba_synced');
export const emitAmazonSyncCompleted = emitterFor('amazon:sync_completed');
export const emitAmazonSyncError = emitterFor('amazon:sync_error');
export const emitUnleashedSyncStarted = emitterFor('unleashed:sync_started');
export const emitUnleashedSyncCompleted = emitterFor('unleashed:sync_completed');
export const emitUnleashedSyncError = emitterFor('unleashed:sync_error');
export const emitForecastProgress = emitterFor('forecast:progress');
export const emitForecastComplete = emitterFor('forecast:complete');
export const emitForecastError = emitterFor('forecast:error');
export const emitInventoryUpdate = emitterFor('inventory:update');
export const emitAdminBroadcast = emitterFor('admin:broadcast');
