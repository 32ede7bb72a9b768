import type { ShopifySandbox } from '@ops/api-sandbox';
import { openDatabase } from '@ops/store';
import { describeWithPostgres } from '@ops/store/testing';
import { Client } from 'pg';

import { killLeftoverProcesses } from './support/processes';
import { describeWithRedisServer, killOwnRedisServers, type OwnRedis, startOwnRedis } from './support/redis-server';
import { printFigures } from './support/sequence';
import { runWorkerOnce, startShop, workerEnv } from './support/workers';

const ORDERS = 60;
const PAGE_SIZE = 10;

async function poll<T>(what: string, read: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Fault 4: the worker's Postgres connection is terminated in the middle of a page's transaction
 * (`pg_terminate_backend` while it waits on a row this test holds). The page rolls back, the run
 * is recorded failed, rows and cursor stay consistent, and the next run succeeds.
 */
describeWithRedisServer('fault: a Postgres connection dropped mid-transaction', () => {
  describeWithPostgres('on a scratch database', (pg) => {
    let redis: OwnRedis;
    let sandbox: ShopifySandbox;
    let admin: Client;

    beforeAll(async () => {
      redis = await startOwnRedis();
      // Slow pages (300 ms each) leave time to take the cursor row between two of them.
      sandbox = await startShop(ORDERS, 300);
      // Migrate first, so the test can watch the tables from the worker's first second.
      await (await openDatabase({ databaseUrl: pg.url })).close();
      admin = new Client({ connectionString: pg.url, application_name: 'fault-suite-admin' });
      await admin.connect();
    });
    afterAll(async () => {
      await admin?.end();
      killLeftoverProcesses();
      await sandbox?.close();
      await redis?.stop();
      killOwnRedisServers();
    });

    it('leaves cursor and rows consistent, records the run failed, and the next run succeeds', async () => {
      const env = workerEnv(sandbox, pg.url, redis.url, { SHOPIFY_PAGE_SIZE: String(PAGE_SIZE) });
      const first = runWorkerOnce(env);
      // Once the first page is committed, hold its cursor row: the next page's transaction blocks
      // on it after writing its orders, i.e. mid-transaction.
      await poll('the first committed page', async () => {
        const { rowCount } = await admin.query("select 1 from sync_cursors where integration = 'shopify'");
        return rowCount ? true : undefined;
      });
      await admin.query('begin');
      await admin.query("select cursor from sync_cursors where integration = 'shopify' for update");
      const blocked = await poll('the worker to wait on the cursor row', async () => {
        const { rows } = await admin.query<{ pid: number }>(
          "select pid from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()",
        );
        return rows[0]?.pid;
      });
      await admin.query('select pg_terminate_backend($1)', [blocked]);
      await admin.query('rollback');
      const failed = await first;

      const afterFailure = await admin.query<{ orders: string; max_updated: Date; cursor: string; lines_without_order: string }>(`
        select (select count(*) from orders where integration = 'shopify') as orders,
               (select max(updated_at) from orders where integration = 'shopify') as max_updated,
               (select cursor from sync_cursors where integration = 'shopify') as cursor,
               (select count(*) from order_lines l where not exists (
                  select 1 from orders o where o.integration = l.integration and o.account_id = l.account_id and o.external_id = l.order_external_id)) as lines_without_order`);
      const state = afterFailure.rows[0];
      const cursor = JSON.parse(state.cursor) as { ordersUpdatedAt: string };
      const runsAfterFailure = (await admin.query<{ status: string; error: { message: string } | null }>(
        "select status, error from sync_runs where integration = 'shopify' order by started_at",
      )).rows;

      const second = await runWorkerOnce(env);
      const final = (await admin.query<{ orders: string; distinct: string; cursor: string }>(`
        select (select count(*) from orders where integration = 'shopify') as orders,
               (select count(distinct external_id) from orders where integration = 'shopify') as distinct,
               (select cursor from sync_cursors where integration = 'shopify') as cursor`)).rows[0];
      const runs = (await admin.query<{ status: string }>("select status from sync_runs where integration = 'shopify' order by started_at")).rows;

      printFigures('Postgres backend terminated mid-transaction', {
        firstRunExit: failed.code,
        firstRunStatus: runsAfterFailure.at(-1)?.status,
        firstRunError: runsAfterFailure.at(-1)?.error?.message,
        ordersAfterFailure: Number(state.orders),
        cursorAfterFailure: cursor.ordersUpdatedAt,
        newestStoredOrderAfterFailure: state.max_updated.toISOString(),
        orderLinesWithoutOrder: Number(state.lines_without_order),
        secondRunExit: second.code,
        runStatuses: runs.map((r) => r.status),
        ordersFinal: Number(final.orders),
        ordersInSandbox: ORDERS,
      });

      expect(failed.code).toBe(1);
      expect(runsAfterFailure.map((r) => r.status)).toEqual(['failed']);
      // Whole pages only: the broken page left no rows, and the cursor is the newest stored order's.
      expect(Number(state.orders) % PAGE_SIZE).toBe(0);
      expect(Number(state.orders)).toBeGreaterThan(0);
      expect(Number(state.orders)).toBeLessThan(ORDERS);
      expect(new Date(cursor.ordersUpdatedAt).getTime()).toBe(state.max_updated.getTime());
      expect(Number(state.lines_without_order)).toBe(0);
      expect(second.code).toBe(0);
      expect(runs.map((r) => r.status)).toEqual(['failed', 'succeeded']);
      expect(Number(final.orders)).toBe(ORDERS);
      expect(Number(final.distinct)).toBe(ORDERS);
    });
  });
});
