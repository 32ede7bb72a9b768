import { randomBytes } from 'node:crypto';

import { eq } from 'drizzle-orm';

import { CredentialSealer } from '../../lib/credentials/credential-sealer';
import type { Database } from '../../lib/database/database.types';
import { getLatestBalanceSheetSnapshot, saveBalanceSheetSnapshot } from '../../lib/queries/balance-sheet.queries';
import {
  getCredentialState,
  listIntegrationAccounts,
  saveCredentialState,
  saveIntegrationAccount,
} from '../../lib/queries/credentials.queries';
import { clearCursor, getCursor, setCursor } from '../../lib/queries/cursors.queries';
import { finishRun, latestRun, listRuns, markAbandonedRuns, startRun } from '../../lib/queries/runs.queries';
import { upsertOrders } from '../../lib/queries/orders.queries';
import { orders } from '../../lib/schema';
import { orderRow } from '../rows';

/** Cursors, runs, credentials, balance sheets, and transactions spanning several of them. */
export function syncStateSuite(database: () => Database): void {
  describe('sync state', () => {
    it('stores, replaces and clears a cursor per account', async () => {
      const { db } = database();
      expect(await getCursor(db, 'shopify', 'cursor-a')).toBeNull();
      await setCursor(db, 'shopify', 'cursor-a', '2025-03-01T00:00:00Z');
      await setCursor(db, 'shopify', 'cursor-a', '2025-03-02T00:00:00Z');
      await setCursor(db, 'shopify', 'cursor-b', 'page-7');
      expect(await getCursor(db, 'shopify', 'cursor-a')).toBe('2025-03-02T00:00:00Z');
      expect(await getCursor(db, 'amazon', 'cursor-a')).toBeNull();
      await clearCursor(db, 'shopify', 'cursor-a');
      expect(await getCursor(db, 'shopify', 'cursor-a')).toBeNull();
      expect(await getCursor(db, 'shopify', 'cursor-b')).toBe('page-7');
    });

    it('commits orders and cursor together, and rolls both back when the transaction throws', async () => {
      const database_ = database();
      await database_.transaction(async (tx) => {
        await upsertOrders(tx, [orderRow('tx', '1')]);
        await setCursor(tx, 'shopify', 'tx', 'c1');
      });
      const failure = database_.transaction(async (tx) => {
        await upsertOrders(tx, [
          orderRow('tx', '2'),
          orderRow('tx', '1', { updatedAt: new Date('2026-01-01T00:00:00Z'), gross: '1' }),
        ]);
        await setCursor(tx, 'shopify', 'tx', 'c2');
        throw new Error('mapper failed half way');
      });
      await expect(failure).rejects.toThrow('mapper failed half way');
      expect(await getCursor(database_.db, 'shopify', 'tx')).toBe('c1');
      const stored = await database_.db.select().from(orders).where(eq(orders.accountId, 'tx'));
      expect(stored.map((row) => [row.externalId, row.gross])).toEqual([['1', '24.9900']]);
    });

    it('records runs, finishes each once, and lists them newest first', async () => {
      const { db } = database();
      const older = await startRun(db, { integration: 'runs-x', startedAt: new Date('2025-05-01T00:00:00Z') });
      const newer = await startRun(db, {
        integration: 'runs-x',
        id: 'run-newer',
        startedAt: new Date('2025-05-02T00:00:00Z'),
      });
      await startRun(db, { integration: 'runs-y' });
      expect(older).toMatchObject({ status: 'running', finishedAt: null, counters: {} });

      const finished = await finishRun(db, older.id, {
        status: 'partial',
        counters: { orders: 3 },
        error: { code: 'RATE_LIMITED', message: '429' },
      });
      expect(finished).toMatchObject({
        status: 'partial',
        counters: { orders: 3 },
        error: { code: 'RATE_LIMITED', message: '429' },
      });
      expect(finished?.finishedAt).toBeInstanceOf(Date);
      expect(await finishRun(db, older.id, { status: 'succeeded' })).toBeNull();
      expect(await finishRun(db, 'no-such-run', { status: 'failed' })).toBeNull();

      const listed = await listRuns(db, { integration: 'runs-x' });
      expect(listed.map((run) => run.id)).toEqual([newer.id, older.id]);
      expect(await listRuns(db, { integration: 'runs-x', limit: 1 })).toHaveLength(1);
      await expect(startRun(db, { integration: 'runs-x', id: 'run-newer' })).rejects.toThrow();
    });

    it('marks only running runs of one integration abandoned, and reads the latest run by status', async () => {
      const { db } = database();
      const done = await startRun(db, { integration: 'runs-z', startedAt: new Date('2025-06-01T00:00:00Z') });
      await finishRun(db, done.id, { status: 'succeeded', counters: { orders: 1 } });
      const stale = await startRun(db, { integration: 'runs-z', startedAt: new Date('2025-06-02T00:00:00Z') });
      const other = await startRun(db, { integration: 'runs-w' });

      expect(await markAbandonedRuns(db, 'runs-z')).toBe(1);
      expect(await latestRun(db, 'runs-z')).toMatchObject({ id: stale.id, status: 'abandoned', error: { code: 'ABANDONED' } });
      expect(await latestRun(db, 'runs-z', ['succeeded'])).toMatchObject({ id: done.id, counters: { orders: 1 } });
      expect(await latestRun(db, 'runs-w')).toMatchObject({ id: other.id, status: 'running' });
      expect(await latestRun(db, 'runs-none')).toBeNull();
      expect(await markAbandonedRuns(db, 'runs-z')).toBe(0);
    });

    it('keeps credential state per account, separate from the account label', async () => {
      const { db } = database();
      const sealer = new CredentialSealer(randomBytes(32));
      expect(await getCredentialState(db, sealer, 'xero', 'tenant-1')).toBeNull();
      await saveCredentialState(db, sealer, 'xero', 'tenant-1', { refreshToken: 'r1', expiresAt: '2025-06-01T00:00:00Z' });
      await saveIntegrationAccount(db, { integration: 'xero', accountId: 'tenant-1', label: 'Acme Ltd' });
      await saveCredentialState(db, sealer, 'xero', 'tenant-1', { refreshToken: 'r2' });
      expect(await getCredentialState(db, sealer, 'xero', 'tenant-1')).toEqual({ refreshToken: 'r2' });
      await saveIntegrationAccount(db, { integration: 'xero', accountId: 'tenant-0' });
      const accounts = await listIntegrationAccounts(db, 'xero');
      expect(accounts.map((account) => [account.accountId, account.label])).toEqual([
        ['tenant-0', null],
        ['tenant-1', 'Acme Ltd'],
      ]);
      expect(await getCredentialState(db, sealer, 'xero', 'tenant-0')).toBeNull();
    });

    it('saves balance sheets per date, replacing the same date and reading the latest', async () => {
      const { db } = database();
      expect(await getLatestBalanceSheetSnapshot(db, 'xero', 'bs')).toBeNull();
      const base = { integration: 'xero', tenantId: 'bs', currency: 'GBP' };
      await saveBalanceSheetSnapshot(db, { ...base, asOf: '2025-03-31', figures: { cash: '100.10' } });
      await saveBalanceSheetSnapshot(db, { ...base, asOf: '2025-02-28', figures: { cash: '50.00' } });
      await saveBalanceSheetSnapshot(db, {
        ...base,
        asOf: '2025-03-31',
        figures: { cash: '120.25', inventory: '7.5' },
      });
      const latest = await getLatestBalanceSheetSnapshot(db, 'xero', 'bs');
      expect(latest).toMatchObject({
        asOf: '2025-03-31',
        currency: 'GBP',
        figures: { cash: '120.25', inventory: '7.5' },
      });
    });
  });
}
