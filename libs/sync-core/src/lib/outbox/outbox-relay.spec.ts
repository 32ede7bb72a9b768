import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createEnvelope, type Envelope, HttpPublisher } from '@ops/sse-events';
import { countUnpublished, type Database, enqueueOutbox, openDatabase } from '@ops/store';

import { OutboxRelay } from './outbox-relay';

const source = { system: 'shopify', account: 'acme-uk.myshopify.com', environment: 'sandbox' } as const;
const envelopes = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    createEnvelope('inventory:update', source, { sku: `SKU-${i}`, quantity: i, previousQuantity: null, location: 'UK', source: 'shopify' }),
  );

/** A hub ingest endpoint that records what it accepted. */
async function startHub(port = 0): Promise<{ server: Server; port: number; received: Envelope[] }> {
  const received: Envelope[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push(...(JSON.parse(body) as Envelope[]));
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, received };
}

describe('OutboxRelay', () => {
  let database: Database;
  beforeAll(async () => (database = await openDatabase({ inMemory: true })));
  afterAll(async () => database.close());

  it('a hub outage delays events and never loses them; order is kept and nothing is sent twice', async () => {
    const hub = await startHub();
    const port = hub.port;
    await new Promise<void>((resolve) => hub.server.close(() => resolve()));
    const publisher = new HttpPublisher({ hubUrl: `http://127.0.0.1:${port}`, token: 'publisher-token-123456', maxAttempts: 1 });
    const errors: string[] = [];
    const relay = new OutboxRelay(database, publisher, { batchSize: 4, onError: (m) => errors.push(m) });
    const written = envelopes(10);
    await database.transaction((tx) => enqueueOutbox(tx, written));

    expect(await relay.drain()).toBe(0);
    expect(await countUnpublished(database.db)).toBe(10);
    expect(errors[0]).toMatch(/publish failed, will retry: .*ECONNREFUSED/);

    const back = await startHub(port);
    expect(await relay.drain()).toBe(10);
    expect(await relay.drain()).toBe(0);
    expect(back.received.map((e) => e.id)).toEqual(written.map((e) => e.id));
    expect(await countUnpublished(database.db)).toBe(0);
    await new Promise<void>((resolve) => back.server.close(() => resolve()));
  });

  it('polls on its own once started, and stops cleanly', async () => {
    const hub = await startHub();
    const relay = new OutboxRelay(
      database,
      new HttpPublisher({ hubUrl: `http://127.0.0.1:${hub.port}`, token: 'publisher-token-123456' }),
      { intervalMs: 20 },
    );
    relay.start();
    const later = envelopes(3);
    await database.transaction((tx) => enqueueOutbox(tx, later));
    for (let i = 0; i < 100 && hub.received.length < 3; i++) await new Promise((r) => setTimeout(r, 20));
    await relay.stop();
    expect(hub.received.map((e) => e.id)).toEqual(later.map((e) => e.id));
    await new Promise<void>((resolve) => hub.server.close(() => resolve()));
  });
});
