import type { EventType } from '@ops/sse-events';

import type { SseSubscriber, Unsubscribe } from './sse-client.types';

/** Which query resources each event type makes stale: exhaustive, so a new event type must be mapped. */
export type InvalidationTable<K extends string> = { readonly [T in EventType]: readonly K[] };

/** The part of TanStack Query's `QueryClient` this helper uses. */
export interface InvalidatingQueryClient {
  invalidateQueries(filters?: { queryKey?: readonly unknown[] }): Promise<void>;
}

/** The resources the table lists for `type`, without duplicates. */
export function resourcesFor<K extends string>(table: InvalidationTable<K>, type: EventType): K[] {
  return [...new Set(table[type])];
}

/**
 * Invalidates TanStack queries as events arrive: for each event the `[resource]` keys the table
 * lists for its type (prefix match, so `['sales', params]` is covered too); on a replay gap every
 * query. Invalidation errors are ignored here: a failed refetch shows in the query's own state.
 * @returns a function that stops it.
 */
export function invalidateQueriesOnEvents<K extends string>(
  client: Pick<SseSubscriber, 'onAny' | 'onGap'>,
  queryClient: InvalidatingQueryClient,
  table: InvalidationTable<K>,
): Unsubscribe {
  const invalidate = (filters?: { queryKey: readonly unknown[] }) => {
    queryClient.invalidateQueries(filters).catch(() => undefined);
  };
  const stopEvents = client.onAny((envelope) => {
    for (const resource of resourcesFor(table, envelope.type)) invalidate({ queryKey: [resource] });
  });
  const stopGaps = client.onGap(() => invalidate());
  return () => {
    stopEvents();
    stopGaps();
  };
}
