import { ALL_CONNECTIONS, type Channel, jobChannel, type StaticChannel } from './channels';
import type { EventType } from './event-map';

interface Route {
  /** Channels every event of this type goes to. */
  readonly channels: readonly (StaticChannel | typeof ALL_CONNECTIONS)[];
  /** Also send to the `job:{jobId}` channel of the event's job. */
  readonly toJobChannel?: true;
}

/** The routing table: the single source of truth for which channels carry which event. */
export const ROUTES: Readonly<Record<EventType, Route>> = {
  'xero:sync_started': { channels: ['financial'] },
  'working_capital:update': { channels: ['financial', 'dashboard'] },
  'xero:sync_error': { channels: ['financial', 'admin'] },
  'shopify:sync_started': { channels: ['sales'] },
  'shopify:store_synced': { channels: ['sales'] },
  'shopify:sync_completed': { channels: ['sales', 'dashboard'] },
  'shopify:sync_error': { channels: ['sales', 'admin'] },
  'amazon:sync_started': { channels: ['sales', 'inventory'] },
  'amazon:inventory_synced': { channels: ['inventory'] },
  'amazon:orders_synced': { channels: ['sales'] },
  'amazon:fba_synced': { channels: ['inventory'] },
  'amazon:sync_completed': { channels: ['sales', 'inventory', 'dashboard'] },
  'amazon:sync_error': { channels: ['sales', 'admin'] },
  'unleashed:sync_started': { channels: ['production'] },
  'unleashed:sync_completed': { channels: ['production', 'inventory', 'dashboard'] },
  'unleashed:sync_error': { channels: ['production', 'admin'] },
  'forecast:progress': { channels: ['forecast'], toJobChannel: true },
  'forecast:complete': { channels: ['forecast', 'dashboard'], toJobChannel: true },
  'forecast:error': { channels: ['forecast'], toJobChannel: true },
  'inventory:update': { channels: ['inventory'] },
  'admin:broadcast': { channels: [ALL_CONNECTIONS] },
};

/** True when events of this type carry a job id and go to its `job:{jobId}` channel. */
export function isJobEvent(type: EventType): boolean {
  return ROUTES[type].toJobChannel === true;
}

/**
 * The channels an event of `type` goes to.
 * @throws Error when the type routes to a job channel and no `jobId` is given.
 */
export function channelsFor(type: EventType, jobId?: string): (Channel | typeof ALL_CONNECTIONS)[] {
  const route = ROUTES[type];
  if (!route.toJobChannel) return [...route.channels];
  if (!jobId) throw new Error(`${type} needs a jobId to reach its job channel`);
  return [...route.channels, jobChannel(jobId)];
}
