import type { EventType } from '@ops/sse-events';

import type { ReadResource } from './resources';

/**
 * Which read resources each event type makes stale (query keys are `[resource]`). Exhaustive over
 * `EventType`: a new event type does not compile until it is mapped here.
 */
export const QUERY_INVALIDATIONS: { readonly [T in EventType]: readonly ReadResource[] } = {
  'xero:sync_started': ['integrations'],
  'working_capital:update': ['working-capital', 'integrations'],
  'xero:sync_error': ['working-capital', 'integrations'],
  'shopify:sync_started': ['integrations'],
  'shopify:store_synced': ['sales'],
  // New orders also change the daily actuals the forecasts chart shows.
  'shopify:sync_completed': ['sales', 'integrations', 'forecasts'],
  'shopify:sync_error': ['sales', 'integrations'],
  'amazon:sync_started': ['integrations'],
  'amazon:inventory_synced': ['inventory'],
  'amazon:orders_synced': ['sales'],
  'amazon:fba_synced': ['inventory'],
  'amazon:sync_completed': ['sales', 'inventory', 'integrations', 'forecasts'],
  'amazon:sync_error': ['sales', 'inventory', 'integrations'],
  'unleashed:sync_started': ['integrations'],
  'unleashed:sync_completed': ['inventory', 'production', 'integrations'],
  'unleashed:sync_error': ['inventory', 'production', 'integrations'],
  // Progress is shown from the events themselves; refetching forecasts on every step would be a storm.
  'forecast:progress': ['forecast-jobs'],
  'forecast:complete': ['forecasts', 'forecast-jobs'],
  'forecast:error': ['forecasts', 'forecast-jobs'],
  'inventory:update': ['inventory'],
  'admin:broadcast': [],
};

/** The resources an event type makes stale (none for an unknown type). */
export function staleResources(type: string): readonly ReadResource[] {
  return Object.prototype.hasOwnProperty.call(QUERY_INVALIDATIONS, type) ? QUERY_INVALIDATIONS[type as EventType] : [];
}
