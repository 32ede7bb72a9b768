import { QUERY_INVALIDATIONS } from '@ops/read-api-contract';
import { createSharedSseClient, invalidateQueriesOnEvents } from '@ops/sse-client';
import type { QueryClient } from '@tanstack/react-query';

import { createEventLogStore } from './event-log.store';
import type { Live } from './live-context';
import { PAGE_CHANNELS } from './page-channels';

/**
 * Opens the page's live connection (shared with the other tabs of this origin) on the page's channels,
 * invalidates the queries each event makes stale (every query on a replay gap) and starts the event log.
 */
export function startLive(queryClient: QueryClient): Live {
  const client = createSharedSseClient({ baseUrl: window.location.origin, channels: PAGE_CHANNELS });
  invalidateQueriesOnEvents(client, queryClient, QUERY_INVALIDATIONS);
  return { client, eventLog: createEventLogStore(client) };
}
