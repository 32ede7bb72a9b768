import { createEnvelope, type Envelope, type System } from '@ops/sse-events';

import type { Database } from '../../lib/database/database.types';
import { type OutboxBatch, publishOutboxBatch } from '../../lib/queries/outbox-batch';
import {
  countUnpublished,
  deletePublishedBefore,
  enqueueOutbox,
  listPendingStreams,
  listUnpublished,
  markFailed,
  markPublished,
} from '../../lib/queries/outbox.queries';
import { outbox } from '../../lib/schema';
import { gate } from './locks.suite';

function inventoryEvent(sku: string, quantity: number, system: System = 'amazon'): Envelope {
  return createEnvelope(
    'inventory:update',
    { system, account: 'eu', environment: 'sandbox' },
    { sku, quantity, previousQuantity: null, location: 'FBA-UK', source: system },
  );
}

const idsOf = (batch: OutboxBatch | undefined) => batch?.entries.map((entry) => entry.id);

/** Rejects when `promise` has not settled within `ms`: a claim must skip a held stream, never wait. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** The transactional outbox: enqueue, order, per-stream claims under lock, failure bookkeeping. */
export function outboxSuite(database: () => Database): void {
  describe('outbox', () => {
    beforeEach(async () => {
      await database().db.delete(outbox);
    });

    it('lists oldest first by creation time then id, ignores duplicate ids, and tracks failures and publishing', async () => {
      const store = database();
      const [a, b, c] = [inventoryEvent('A', 1), inventoryEvent('B', 2), inventoryEvent('C', 3)];
      // c is enqueued in an earlier transaction than a and b, so it is older in the outbox.
      expect(await store.transaction((tx) => enqueueOutbox(tx, [c]))).toBe(1);
      expect(await store.transaction((tx) => enqueueOutbox(tx, [a, b, a]))).toBe(2);
      expect(await enqueueOutbox(store.db, [b, c])).toBe(0);
      expect(await countUnpublished(store.db)).toBe(3);

      const listed = await listUnpublished(store.db, { limit: 10 });
      expect(listed.map((entry) => entry.id)).toEqual([c.id, a.id, b.id]);
      expect(listed[1]).toMatchObject({ envelope: a, stream: 'amazon', attempts: 0 });
      expect((await listUnpublished(store.db, { limit: 2 })).map((entry) => entry.id)).toEqual([c.id, a.id]);
      expect(await listUnpublished(store.db, { limit: 10, stream: 'xero' })).toEqual([]);

      await markFailed(store.db, c.id, `hub unreachable: ${'x'.repeat(3000)}`);
      await markFailed(store.db, c.id, 'hub unreachable');
      await markFailed(store.db, 'no-such-id', 'ignored');
      const [retry] = await listUnpublished(store.db, { limit: 1 });
      expect(retry).toMatchObject({ id: c.id, attempts: 2 });

      expect(await markPublished(store.db, [c.id, a.id, 'no-such-id'])).toBe(2);
      expect(await markPublished(store.db, [c.id])).toBe(0);
      expect(await markPublished(store.db, [])).toBe(0);
      expect(await countUnpublished(store.db)).toBe(1);
      expect((await listUnpublished(store.db, { limit: 10 })).map((entry) => entry.id)).toEqual([b.id]);

      expect(await deletePublishedBefore(store.db, new Date(Date.now() + 60_000))).toBe(2);
      expect(await countUnpublished(store.db)).toBe(1);
    });

    it('rolls enqueued events back with the transaction that wrote them', async () => {
      const store = database();
      const failed = store.transaction(async (tx) => {
        await enqueueOutbox(tx, [inventoryEvent('D', 4)]);
        throw new Error('state write failed');
      });
      await expect(failed).rejects.toThrow('state write failed');
      expect(await countUnpublished(store.db)).toBe(0);
    });

    it('a claim holds its stream until its batch is marked: others take other streams, never a later part of that one', async () => {
      const store = database();
      const shopify = ['S1', 'S2', 'S3', 'S4', 'S5'].map((sku, i) => inventoryEvent(sku, i, 'shopify'));
      const amazon = ['A1', 'A2', 'A3'].map((sku, i) => inventoryEvent(sku, i, 'amazon'));
      const xero = [inventoryEvent('X1', 1, 'xero')];
      await store.transaction((tx) => enqueueOutbox(tx, shopify.slice(0, 3)));
      await store.transaction((tx) => enqueueOutbox(tx, shopify.slice(3)));
      await store.transaction((tx) => enqueueOutbox(tx, amazon));
      await store.transaction((tx) => enqueueOutbox(tx, xero));
      expect(await listPendingStreams(store.db)).toEqual(['shopify', 'amazon', 'xero']);

      const holding = gate();
      const publishing = gate();
      const first = publishOutboxBatch(
        store,
        async () => {
          publishing.open();
          await holding.opened;
        },
        { limit: 3 },
      );
      await publishing.opened;

      const published = async () => undefined;
      const second = await within(5000, publishOutboxBatch(store, published, { limit: 10 }));
      expect(second?.stream).toBe('amazon');
      expect(idsOf(second)).toEqual(amazon.map((e) => e.id));
      expect(idsOf(await within(5000, publishOutboxBatch(store, published, { limit: 10 })))).toEqual([xero[0].id]);
      // Only shopify is pending and its oldest three are in flight: S4 and S5 must wait for them.
      expect(await within(5000, publishOutboxBatch(store, published, { limit: 10 }))).toBeUndefined();
      expect(await countUnpublished(store.db)).toBe(5);

      holding.open();
      const firstBatch = await first;
      expect(firstBatch?.stream).toBe('shopify');
      expect(idsOf(firstBatch)).toEqual(shopify.slice(0, 3).map((e) => e.id));
      expect(idsOf(await publishOutboxBatch(store, published, { limit: 10 }))).toEqual(shopify.slice(3).map((e) => e.id));
      expect(await publishOutboxBatch(store, published, { limit: 10 })).toBeUndefined();
      expect(await countUnpublished(store.db)).toBe(0);
      expect(await listPendingStreams(store.db)).toEqual([]);
    });

    it('a failed publish leaves its batch unpublished and the stream free; the same entries come next', async () => {
      const store = database();
      const events = ['F1', 'F2', 'F3'].map((sku, i) => inventoryEvent(sku, i, 'unleashed'));
      await store.transaction((tx) => enqueueOutbox(tx, events));

      const failing = publishOutboxBatch(
        store,
        async () => {
          throw new Error('hub unreachable');
        },
        { limit: 2 },
      );
      await expect(failing).rejects.toThrow('hub unreachable');
      expect(await countUnpublished(store.db)).toBe(3);

      const seen: string[][] = [];
      const retried = await publishOutboxBatch(store, async (batch) => void seen.push(idsOf(batch) ?? []), { limit: 2 });
      expect(idsOf(retried)).toEqual([events[0].id, events[1].id]);
      expect(seen).toEqual([[events[0].id, events[1].id]]);
      expect(await countUnpublished(store.db)).toBe(1);
      await expect(publishOutboxBatch(store, async () => undefined, { limit: 0 })).rejects.toThrow(RangeError);
    });
  });
}
