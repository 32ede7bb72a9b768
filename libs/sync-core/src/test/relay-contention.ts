import { mulberry32 } from '@ops/api-sandbox';
import { sleep } from '@ops/resilience';
import { createEnvelope, type Envelope, type EventPublisher, type System } from '@ops/sse-events';
import { countUnpublished, type Database, enqueueOutbox } from '@ops/store';

import { OutboxRelay } from '../lib/outbox/outbox-relay';

export interface ContentionOptions {
  /** Where the events are enqueued (the sync worker's connection). */
  producer: Database;
  /** One per relay: separate pools for replicas, the same Database for relays in one process. */
  relayDatabases: readonly Database[];
  streams: readonly System[];
  events: number;
  /** Enqueue transactions, each a mix of streams, written while the relays run. */
  transactions: number;
  batchSize: number;
  /** Every `failEvery`-th publish call (across relays) fails before the hub receives anything. */
  failEvery: number;
  seed: number;
}

/** One envelope as the hub received it. */
export interface Delivery {
  /** Global receive order across every relay's publisher. */
  seq: number;
  relay: number;
  /** Which publish call (numbered across relays) carried it. */
  call: number;
  id: string;
  stream: string;
}

export interface ContentionReport {
  /** Ids per stream in enqueue order. */
  enqueued: Map<string, string[]>;
  deliveries: Delivery[];
  perRelay: number[];
  /** Successful publish calls. */
  batches: number;
  /** Consecutive batches of one stream published by different relays. */
  handoffs: number;
  /** Publish calls that failed (and were retried). */
  failedPublishes: number;
  elapsedMs: number;
}

/** The acceptance scenario both drivers run: 3,000 events over four streams, every 25th publish failing. */
export const THREE_RELAY_SCENARIO = {
  streams: ['shopify', 'amazon', 'xero', 'unleashed'],
  events: 3000,
  transactions: 60,
  batchSize: 25,
  failEvery: 25,
  seed: 20_261_201,
} satisfies Omit<ContentionOptions, 'producer' | 'relayDatabases'>;

/**
 * Runs relays concurrently (each `start()`ed with a 5 ms interval) while a producer enqueues
 * `events` across `streams` in `transactions`, until everything is published; each relay's
 * publisher records what it received with a global sequence number. Publishing takes 0-5 ms, so
 * claims overlap; every `failEvery`-th publish call fails before anything is received.
 */
export async function runRelayContention(options: ContentionOptions): Promise<ContentionReport> {
  const next = mulberry32(options.seed);
  const deliveries: Delivery[] = [];
  const perRelay = options.relayDatabases.map(() => 0);
  let attempts = 0;
  let calls = 0;
  let failedPublishes = 0;
  const publisherFor = (relay: number): EventPublisher => ({
    publish: async (envelopes) => {
      attempts += 1;
      const fails = attempts % options.failEvery === 0;
      await sleep(next() * 3);
      if (fails) {
        failedPublishes += 1;
        throw new Error('hub unavailable (injected)');
      }
      calls += 1;
      for (const envelope of envelopes as readonly Envelope[]) {
        deliveries.push({ seq: deliveries.length, relay, call: calls, id: envelope.id, stream: envelope.source.system });
      }
      perRelay[relay] += (envelopes as readonly Envelope[]).length;
      await sleep(next() * 2);
    },
    close: async () => undefined,
  });
  const databaseErrors: string[] = [];
  const relays = options.relayDatabases.map(
    (database, i) =>
      new OutboxRelay(database, publisherFor(i), {
        batchSize: options.batchSize,
        intervalMs: 5,
        maxBackoffMs: 40,
        onError: (message) => {
          if (!message.includes('publish failed')) databaseErrors.push(message);
        },
      }),
  );

  const enqueued = new Map<string, string[]>(options.streams.map((stream) => [stream, []]));
  const started = Date.now();
  relays.forEach((relay) => relay.start());
  try {
    const perTransaction = Math.ceil(options.events / options.transactions);
    for (let written = 0; written < options.events; ) {
      const size = Math.min(perTransaction, options.events - written);
      const envelopes = Array.from({ length: size }, (_, i) => {
        const stream = options.streams[Math.floor(next() * options.streams.length)];
        return createEnvelope(
          'inventory:update',
          { system: stream, account: 'contention', environment: 'sandbox' },
          { sku: `${stream}-${written + i}`, quantity: written + i, previousQuantity: null, location: 'WH-1', source: stream },
        );
      });
      await options.producer.transaction((tx) => enqueueOutbox(tx, envelopes));
      for (const envelope of envelopes) enqueued.get(envelope.source.system)?.push(envelope.id);
      written += size;
      await sleep(next() * 10);
    }
    await waitUntilPublished(options.producer, deliveries, options.events);
  } finally {
    await Promise.all(relays.map((relay) => relay.stop()));
  }
  if (databaseErrors.length > 0) throw new Error(`relay database errors: ${databaseErrors.join('; ')}`);
  return {
    enqueued,
    deliveries,
    perRelay,
    batches: calls,
    handoffs: countHandoffs(deliveries),
    failedPublishes,
    elapsedMs: Date.now() - started,
  };
}

async function waitUntilPublished(producer: Database, deliveries: Delivery[], total: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (deliveries.length >= total && (await countUnpublished(producer.db)) === 0) return;
    await sleep(25);
  }
  throw new Error(`not all published within 120 s: ${deliveries.length} deliveries of ${total}`);
}

function countHandoffs(deliveries: readonly Delivery[]): number {
  const lastRelay = new Map<string, { call: number; relay: number }>();
  let handoffs = 0;
  for (const delivery of deliveries) {
    const last = lastRelay.get(delivery.stream);
    if (last && last.call !== delivery.call && last.relay !== delivery.relay) handoffs += 1;
    lastRelay.set(delivery.stream, { call: delivery.call, relay: delivery.relay });
  }
  return handoffs;
}

/**
 * How many ids were received more than once and never, and for each stream whose receive order
 * (by sequence number) differs from its enqueue order, where it first differs.
 */
export function checkExactlyOnceInOrder(report: ContentionReport): {
  duplicates: number;
  missing: number;
  outOfOrder: string[];
} {
  const counts = new Map<string, number>();
  for (const { id } of report.deliveries) counts.set(id, (counts.get(id) ?? 0) + 1);
  const expected = [...report.enqueued.values()].flat();
  const outOfOrder: string[] = [];
  for (const [stream, ids] of report.enqueued) {
    const received = report.deliveries.filter((d) => d.stream === stream).map((d) => d.id);
    const at = received.findIndex((id, i) => id !== ids[i]);
    if (at >= 0 || received.length !== ids.length) {
      outOfOrder.push(`${stream}: first differs at ${at >= 0 ? at : Math.min(received.length, ids.length)} (${received.length} received, ${ids.length} enqueued)`);
    }
  }
  return {
    duplicates: [...counts.values()].filter((n) => n > 1).length,
    missing: expected.filter((id) => !counts.has(id)).length,
    outOfOrder,
  };
}

/** One line with the figures, for the test log. */
export function describeContention(label: string, report: ContentionReport): string {
  const perStream = [...report.enqueued].map(([stream, ids]) => `${stream} ${ids.length}`).join(', ');
  return (
    `${label}: ${report.deliveries.length} deliveries of ${[...report.enqueued.values()].flat().length} events ` +
    `(${perStream}) in ${report.batches} batches, per relay [${report.perRelay.join(', ')}], ` +
    `${report.handoffs} stream handoffs between relays, ${report.failedPublishes} failed publishes retried, ` +
    `${report.elapsedMs} ms`
  );
}
