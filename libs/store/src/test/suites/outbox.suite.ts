import { createEnvelope, type Envelope } from '@ops/sse-events';

import type { Database } from '../../lib/database/database.types';
import {
  claimUnpublished,
  countUnpublished,
  deletePublishedBefore,
  enqueueOutbox,
  markFailed,
  markPublished,
} from '../../lib/queries/outbox.queries';
import { outbox } from '../../lib/schema';

function inventoryEvent(sku: string, quantity: number): Envelope {
  return createEnvelope(
    'inventory:update',
    { system: 'amazon', account: 'eu', environment: 'sandbox' },
    { sku, quantity, previousQuantity: null, location: 'FBA-UK', source: 'amazon' },
  );
}

/** The transactional outbox: enqueue, claim order, publish and failure bookkeeping. */
export function outboxSuite(database: () => Database): void {
  describe('outbox', () => {
    beforeAll(async () => {
      await database().db.delete(outbox);
    });

    it('claims oldest first by creation time then id, ignores duplicate ids, and tracks failures and publishing', async () => {
      const store = database();
      const [a, b, c] = [inventoryEvent('A', 1), inventoryEvent('B', 2), inventoryEvent('C', 3)];
      // c is enqueued in an earlier transaction than a and b, so it is older in the outbox.
      expect(await store.transaction((tx) => enqueueOutbox(tx, [c]))).toBe(1);
      expect(await store.transaction((tx) => enqueueOutbox(tx, [a, b, a]))).toBe(2);
      expect(await enqueueOutbox(store.db, [b, c])).toBe(0);
      expect(await countUnpublished(store.db)).toBe(3);

      const claimed = await claimUnpublished(store.db, 10);
      expect(claimed.map((entry) => entry.id)).toEqual([c.id, a.id, b.id]);
      expect(claimed[1]).toMatchObject({ envelope: a, attempts: 0 });
      expect((await claimUnpublished(store.db, 2)).map((entry) => entry.id)).toEqual([c.id, a.id]);

      await markFailed(store.db, c.id, `hub unreachable: ${'x'.repeat(3000)}`);
      await markFailed(store.db, c.id, 'hub unreachable');
      await markFailed(store.db, 'no-such-id', 'ignored');
      const [retry] = await claimUnpublished(store.db, 1);
      expect(retry).toMatchObject({ id: c.id, attempts: 2 });

      expect(await markPublished(store.db, [c.id, a.id, 'no-such-id'])).toBe(2);
      expect(await markPublished(store.db, [c.id])).toBe(0);
      expect(await markPublished(store.db, [])).toBe(0);
      expect(await countUnpublished(store.db)).toBe(1);
      expect((await claimUnpublished(store.db, 10)).map((entry) => entry.id)).toEqual([b.id]);

      expect(await deletePublishedBefore(store.db, new Date(Date.now() + 60_000))).toBe(2);
      expect(await countUnpublished(store.db)).toBe(1);
    });

    it('rolls enqueued events back with the transaction that wrote them', async () => {
      const store = database();
      const before = await countUnpublished(store.db);
      const failed = store.transaction(async (tx) => {
        await enqueueOutbox(tx, [inventoryEvent('D', 4)]);
        throw new Error('state write failed');
      });
      await expect(failed).rejects.toThrow('state write failed');
      expect(await countUnpublished(store.db)).toBe(before);
    });
  });
}
