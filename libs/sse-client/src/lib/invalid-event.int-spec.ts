import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Envelope } from '@ops/sse-events';

import { inventoryUpdate } from '../../test/envelopes';
import { waitFor } from '../../test/wait-for';
import { SseClient } from './sse-client';
import type { InvalidEventReport } from './sse-client.types';

/**
 * The real hub validates everything it accepts, so it never sends an invalid frame. This tiny
 * server stands in for a broken or hostile one: one stream with a valid event, three bad ones and a
 * valid one after them.
 */
function badStreamServer(frames: string): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(frames);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  );
}

const frame = (event: string, id: string, data: string) => `id: ${id}\nevent: ${event}\ndata: ${data}\n\n`;

describe('SseClient with a server that sends invalid events', () => {
  let server: Server | undefined;
  let sse: SseClient | undefined;

  afterEach(async () => {
    sse?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('reports each invalid frame with its reason and passes only valid envelopes on', async () => {
    const first = inventoryUpdate('SKU-ok-1', 1);
    const wrongPayload = { ...inventoryUpdate('SKU-bad', 2), payload: { ...first.payload, quantity: 'many' } };
    const last = inventoryUpdate('SKU-ok-2', 3);
    const started = await badStreamServer(
      frame(first.type, first.id, JSON.stringify(first)) +
        frame(wrongPayload.type, wrongPayload.id, JSON.stringify(wrongPayload)) +
        frame('inventory:update', 'evt-x', '{not json') +
        frame('sales:made_up', 'evt-y', JSON.stringify({ ...first, id: 'evt-y', type: 'sales:made_up' })) +
        frame(last.type, last.id, JSON.stringify(last)),
    );
    server = started.server;
    const client = (sse = new SseClient({ baseUrl: started.url, channels: ['inventory'] }));
    const delivered: Envelope[] = [];
    const reports: InvalidEventReport[] = [];
    client.onAny((envelope) => delivered.push(envelope));
    client.onInvalid((report) => reports.push(report));
    await waitFor(() => delivered.length === 2, 'the valid event after the bad ones');

    expect(delivered.map((envelope) => envelope.id)).toEqual([first.id, last.id]);
    expect(reports.map(({ reason, eventName, eventId }) => ({ reason, eventName, eventId }))).toEqual([
      { reason: 'payload.quantity: Invalid input: expected number, received string', eventName: 'inventory:update', eventId: wrongPayload.id },
      { reason: 'data is not JSON', eventName: 'inventory:update', eventId: 'evt-x' },
      { reason: 'type: unknown event type "sales:made_up"', eventName: 'sales:made_up', eventId: 'evt-y' },
    ]);
    expect(reports[1].data).toBe('{not json');
    expect(client.lastReceivedId).toBe(last.id);
  });
});
