import { QueryClient } from '@tanstack/react-query';

import { forecastProgress, inventoryUpdate } from '../../test/envelopes';
import { ScriptedFetch } from '../../test/scripted-fetch';
import { waitFor } from '../../test/wait-for';
import { type InvalidationTable, invalidateQueriesOnEvents, resourcesFor } from './query-invalidation';
import { SseClient } from './sse-client';

type Resource = 'sales' | 'inventory' | 'forecasts' | 'forecast-jobs';

/** A table in the shape of the read API contract's QUERY_INVALIDATIONS. */
const TABLE: InvalidationTable<Resource> = {
  'xero:sync_started': [],
  'working_capital:update': [],
  'xero:sync_error': [],
  'shopify:sync_started': [],
  'shopify:store_synced': ['sales'],
  'shopify:sync_completed': ['sales'],
  'shopify:sync_error': [],
  'amazon:sync_started': [],
  'amazon:inventory_synced': ['inventory'],
  'amazon:orders_synced': ['sales'],
  'amazon:fba_synced': ['inventory'],
  'amazon:sync_completed': ['sales', 'inventory'],
  'amazon:sync_error': [],
  'unleashed:sync_started': [],
  'unleashed:sync_completed': ['inventory'],
  'unleashed:sync_error': [],
  'forecast:progress': ['forecast-jobs'],
  'forecast:complete': ['forecasts', 'forecast-jobs', 'forecasts'],
  'forecast:error': ['forecast-jobs'],
  'inventory:update': ['inventory'],
  'admin:broadcast': [],
};

describe('invalidateQueriesOnEvents', () => {
  it('lists the resources of one event type without duplicates', () => {
    expect(resourcesFor(TABLE, 'inventory:update')).toEqual(['inventory']);
    expect(resourcesFor(TABLE, 'forecast:complete')).toEqual(['forecasts', 'forecast-jobs']);
    expect(resourcesFor(TABLE, 'admin:broadcast')).toEqual([]);
  });

  it('is exhaustive over event types at compile time', () => {
    // @ts-expect-error a table missing event types does not compile
    const partial: InvalidationTable<Resource> = { 'inventory:update': ['inventory'] };
    expect(Object.keys(partial)).toHaveLength(1);
  });

  it('invalidates the [resource] queries of each event, and every query on a gap', async () => {
    const queryClient = new QueryClient();
    const keys = [['sales'], ['sales', { period: 'today' }], ['inventory'], ['forecasts'], ['forecast-jobs'], ['integrations']];
    for (const key of keys) queryClient.setQueryData(key, { loaded: true });
    const invalidated = () => keys.filter((key) => queryClient.getQueryState(key)?.isInvalidated).map((key) => JSON.stringify(key));

    const scripted = new ScriptedFetch(() => 'stream');
    const client = new SseClient({ baseUrl: 'http://hub.test', channels: ['inventory', 'job:j-1'], fetch: scripted.fetch });
    const stop = invalidateQueriesOnEvents(client, queryClient, TABLE);
    await waitFor(() => client.state === 'open', 'open');
    const [stock, progress] = [inventoryUpdate('SKU-1', 1), forecastProgress('j-1', 0.5)];
    scripted.streams[0].event(stock.type, stock, stock.id);
    await waitFor(() => invalidated().length > 0, 'inventory invalidated');
    expect(invalidated()).toEqual(['["inventory"]']);

    scripted.streams[0].event(progress.type, progress, progress.id);
    await waitFor(() => invalidated().length > 1, 'forecast jobs invalidated');
    expect(invalidated()).toEqual(['["inventory"]', '["forecast-jobs"]']);

    scripted.streams[0].event('replay_gap', { lastEventId: 'evt-0', oldestAvailableId: null });
    await waitFor(() => invalidated().length === keys.length, 'everything invalidated');

    stop();
    client.close();
    queryClient.clear();
  });
});
