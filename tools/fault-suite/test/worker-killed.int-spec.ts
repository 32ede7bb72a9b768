import type { ShopifySandbox } from '@ops/api-sandbox';
import { openDatabase } from '@ops/store';
import { describeWithPostgres } from '@ops/store/testing';
import { Client } from 'pg';

import { killHard, killLeftoverProcesses, SHOPIFY_WORKER_MAIN, startProcess } from './support/processes';
import { describeWithRedisServer, killOwnRedisServers, type OwnRedis, startOwnRedis } from './support/redis-server';
import { printFigures, waitUntil } from './support/sequence';
import { runWorkerOnce, startShop, workerEnv } from './support/workers';

const ORDERS = 60;
const PAGE_SIZE = 10;

/**
 * A worker replica `kill -9`ed mid-sync: its session ends, so its advisory lock is freed; the next
 * run marks the dead run abandoned and resumes from the last committed cursor (it fetches only the
 * orders after it).
 */
describeWithRedisServer('fault: a worker replica killed mid-sync', () => {
  describeWithPostgres('on a scratch database', (pg) => {
    let redis: OwnRedis;
    let sandbox: ShopifySandbox;
    let admin: Client;

    beforeAll(async () => {
      redis = await startOwnRedis();
      sandbox = await startShop(ORDERS, 300);
      await (await openDatabase({ databaseUrl: pg.url })).close();
      admin = new Client({ connectionString: pg.url });
      await admin.connect();
    });
    afterAll(async () => {
      await admin?.end();
      killLeftoverProcesses();
      await sandbox?.close();
      await redis?.stop();
      killOwnRedisServers();
    });

    it('frees the lock and the next run resumes from the committed cursor', async () => {
      const env = workerEnv(sandbox, pg.url, redis.url, { SHOPIFY_PAGE_SIZE: String(PAGE_SIZE) });
      const victim = startProcess(SHOPIFY_WORKER_MAIN, env, ['--once']);
      let committed = 0;
      await waitUntil(
        () => {
          void admin.query("select count(*)::int as n from orders where integration = 'shopify'").then((r) => (committed = r.rows[0].n));
          return committed >= 2 * PAGE_SIZE;
        },
        20_000,
        'two committed pages',
      );
      await killHard(victim);
      const before = (await admin.query<{ n: number }>("select count(*)::int as n from orders where integration = 'shopify'")).rows[0].n;

      const next = await runWorkerOnce(env);
      const result = JSON.parse(next.output.trim().split('\n').at(-1) ?? '{}') as { status: string };
      const fetched = Number(/\((\d+) orders fetched this run/.exec(next.output)?.[1]);
      const runs = (await admin.query<{ status: string }>("select status from sync_runs where integration = 'shopify' order by started_at")).rows;
      const after = (await admin.query<{ n: number }>("select count(*)::int as n from orders where integration = 'shopify'")).rows[0].n;

      printFigures('worker replica killed mid-sync', {
        ordersCommittedBeforeKill: before,
        nextRunStatus: result.status,
        nextRunFetched: fetched,
        runStatuses: runs.map((r) => r.status),
        ordersFinal: after,
        ordersInSandbox: ORDERS,
      });
      expect(before % PAGE_SIZE).toBe(0);
      expect(before).toBeLessThan(ORDERS);
      expect(next.code).toBe(0);
      expect(runs.map((r) => r.status)).toEqual(['abandoned', 'succeeded']);
      // Resumed: it fetched the orders from the cursor on (the cursor's own page boundary again at most), not all of them.
      expect(fetched).toBeLessThanOrEqual(ORDERS - before + PAGE_SIZE);
      expect(after).toBe(ORDERS);
    });
  });
});
