import type { z } from 'zod';

import { AdminBroadcastSchema } from './schemas/admin.schema';
import {
  AmazonFbaSyncedSchema,
  AmazonInventorySyncedSchema,
  AmazonOrdersSyncedSchema,
  AmazonSyncCompletedSchema,
  AmazonSyncErrorSchema,
  AmazonSyncStartedSchema,
} from './schemas/amazon.schema';
import { ForecastCompleteSchema, ForecastErrorSchema, ForecastProgressSchema } from './schemas/forecast.schema';
import { InventoryUpdateSchema } from './schemas/inventory.schema';
import {
  ShopifyStoreSyncedSchema,
  ShopifySyncCompletedSchema,
  ShopifySyncErrorSchema,
  ShopifySyncStartedSchema,
} from './schemas/shopify.schema';
import {
  UnleashedSyncCompletedSchema,
  UnleashedSyncErrorSchema,
  UnleashedSyncStartedSchema,
} from './schemas/unleashed.schema';
import { WorkingCapitalUpdateSchema, XeroSyncErrorSchema, XeroSyncStartedSchema } from './schemas/xero.schema';

/** Every event type and its payload schema: the one definition publishers and the hub share. */
export const eventSchemas = {
  'xero:sync_started': XeroSyncStartedSchema,
  'working_capital:update': WorkingCapitalUpdateSchema,
  'xero:sync_error': XeroSyncErrorSchema,
  'shopify:sync_started': ShopifySyncStartedSchema,
  'shopify:store_synced': ShopifyStoreSyncedSchema,
  'shopify:sync_completed': ShopifySyncCompletedSchema,
  'shopify:sync_error': ShopifySyncErrorSchema,
  'amazon:sync_started': AmazonSyncStartedSchema,
  'amazon:inventory_synced': AmazonInventorySyncedSchema,
  'amazon:orders_synced': AmazonOrdersSyncedSchema,
  'amazon:fba_synced': AmazonFbaSyncedSchema,
  'amazon:sync_completed': AmazonSyncCompletedSchema,
  'amazon:sync_error': AmazonSyncErrorSchema,
  'unleashed:sync_started': UnleashedSyncStartedSchema,
  'unleashed:sync_completed': UnleashedSyncCompletedSchema,
  'unleashed:sync_error': UnleashedSyncErrorSchema,
  'forecast:progress': ForecastProgressSchema,
  'forecast:complete': ForecastCompleteSchema,
  'forecast:error': ForecastErrorSchema,
  'inventory:update': InventoryUpdateSchema,
  'admin:broadcast': AdminBroadcastSchema,
} as const;

export type EventType = keyof typeof eventSchemas;
export type EventPayload<T extends EventType> = z.infer<(typeof eventSchemas)[T]>;
export type EventPayloadMap = { [T in EventType]: EventPayload<T> };

export const EVENT_TYPES = Object.keys(eventSchemas) as EventType[];

export function isEventType(value: string): value is EventType {
  return Object.prototype.hasOwnProperty.call(eventSchemas, value);
}
