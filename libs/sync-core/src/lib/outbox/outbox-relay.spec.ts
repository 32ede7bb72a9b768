import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createEnvelope, type Envelope, type EventPublisher, HttpPublisher } from '@ops/sse-events';
import { countUnpublished, type Database, enqueueOutbox, listUnpublished, openDatabase } from '@ops/store';

import {
  checkExactlyOnceInOrder,
  describeContention,
  runRelayContention,
  THREE_RELAY_SCENARIO,
} from '../../test/relay-contention';
import { OutboxRelay } from './outbox-relay';

const source = { system: 'shopify', account: 'acme-uk.myshopify.com', environment: 'sandbox' } as const;
const envelopes = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    createEnvelope('inventory:update', source, { sku: `SKU-${i}`, quantity: i, previousQuantity: null, location: 'UK', source: 'shopify' }),
  );

/** A publisher that takes `delayMs` per call and fails while `down` is set. */
function fakePublisher(delayMs = 0): EventPublisher & { down: boolean; calls: number; received: Envelope[] } {
  const fake = {
    down: false,
    calls: 0,
    received: [] as Envelope[],
    publish: async (envelopes: Envelope | readonly Envelope[]) => {
      fake.calls += 1;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (fake.down) throw new Error('hub unreachable');
      fake.received.push(...(Array.isArray(envelopes) ? envelopes : [envelopes]));
    },
    close: async () => undefined,
  };
  return fake;
}

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

  it('drainFor publishes what is pending and reports nothing left', async () => {
    const publisher = fakePublisher();
    const relay = new OutboxRelay(database, publisher, { batchSize: 3 });
    const written = envelopes(7);
    await database.transaction((tx) => enqueueOutbox(tx, written));
    expect(await relay.drainFor(5000)).toEqual({ published: 7, pending: 0 });
    expect(publisher.received.map((e) => e.id)).toEqual(written.map((e) => e.id));
  });

  it('drainFor stops claiming when the time is up and counts what is left', async () => {
    const publisher = fakePublisher(40);
    const relay = new OutboxRelay(database, publisher, { batchSize: 1 });
    await database.transaction((tx) => enqueueOutbox(tx, envelopes(20)));
    const started = Date.now();
    const result = await relay.drainFor(150);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result.published).toBeGreaterThan(0);
    expect(result.pending).toBeGreaterThan(0);
    expect(result.published + result.pending).toBe(20);
    expect(await relay.drainFor(5000)).toEqual({ published: result.pending, pending: 0 });
  });

  it('drainFor keeps retrying a failing publisher with backoff until the time is up', async () => {
    const publisher = fakePublisher();
    publisher.down = true;
    const errors: string[] = [];
    const relay = new OutboxRelay(database, publisher, { intervalMs: 20, onError: (m) => errors.push(m) });
    const written = envelopes(4);
    await database.transaction((tx) => enqueueOutbox(tx, written));
    const started = Date.now();
    expect(await relay.drainFor(400)).toEqual({ published: 0, pending: 4 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    // Waits of 40, 80, 160 ms between tries: a handful of tries, not a busy loop.
    expect(publisher.calls).toBeGreaterThanOrEqual(3);
    expect(publisher.calls).toBeLessThanOrEqual(6);
    expect(errors[0]).toMatch(/^outbox relay \(shopify\): publish failed, will retry: hub unreachable/);
    const [first] = await listUnpublished(database.db, { limit: 1 });
    expect(first).toMatchObject({ id: written[0].id, attempts: publisher.calls });

    publisher.down = false;
    expect(await relay.drainFor(1000)).toEqual({ published: 4, pending: 0 });
    expect(publisher.received.map((e) => e.id)).toEqual(written.map((e) => e.id));
  });

  it('three relays sharing one PGlite store publish 3,000 events once each, every stream in enqueue order', async () => {
    const report = await runRelayContention({
      producer: database,
      relayDatabases: [database, database, database],
      ...THREE_RELAY_SCENARIO,
    });
    console.info(describeContention('three relays on PGlite', report));
    expect(checkExactlyOnceInOrder(report)).toEqual({ duplicates: 0, missing: 0, outOfOrder: [] });
    expect(report.deliveries).toHaveLength(3000);
    expect(report.perRelay.every((published) => published > 0)).toBe(true);
    expect(report.handoffs).toBeGreaterThan(0);
    expect(report.failedPublishes).toBeGreaterThan(0);
  });
});
