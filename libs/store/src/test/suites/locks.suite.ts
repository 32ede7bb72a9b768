import type { Database } from '../../lib/database/database.types';

/** A promise with its resolve function, to hold a lock open while the test probes it. */
export function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => undefined as void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** `withLock` within one Database instance. */
export function locksSuite(database: () => Database): void {
  describe('withLock', () => {
    it('runs one holder per key; a concurrent call gets acquired: false without waiting', async () => {
      const store = database();
      const holding = gate();
      const first = store.withLock('sync:shopify', async () => {
        await holding.opened;
        return 'first';
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await store.withLock('sync:shopify', async () => 'second')).toEqual({ acquired: false });
      expect(await store.withLock('sync:amazon', async () => 'other key')).toEqual({
        acquired: true,
        value: 'other key',
      });
      holding.open();
      expect(await first).toEqual({ acquired: true, value: 'first' });
      expect(await store.withLock('sync:shopify', async () => 'after')).toEqual({ acquired: true, value: 'after' });
    });

    it('releases the key when the callback throws, rethrowing its error', async () => {
      const store = database();
      await expect(
        store.withLock('sync:xero', async () => {
          throw new Error('sync failed');
        }),
      ).rejects.toThrow('sync failed');
      expect(await store.withLock('sync:xero', async () => 1)).toEqual({ acquired: true, value: 1 });
    });
  });
}
