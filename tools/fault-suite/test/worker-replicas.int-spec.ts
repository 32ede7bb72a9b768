import type { ShopifySandbox } from '@ops/api-sandbox';
import { describeWithPostgres } from '@ops/store/testing';
import { Redis } from 'ioredis';
import { Client } from 'pg';

import { killLeftoverProcesses, type RunningProcess } from './support/processes';
import { describeWithRedisServer, killOwnRedisServers, type OwnRedis, startOwnRedis } from './support/redis-server';
import { printFigures } from './support/sequence';
import { startShop, startWorkerReplica, workerEnv } from './support/workers';

const ORDERS = 45;
/** Two replicas on a one-second schedule for a minute (about 60 ticks each, every one contending for the lock); `FAULT_WORKER_SECONDS` changes it. */
const SECONDS = Number(process.env['FAULT_WORKER_SECONDS'] ?? 60);

interface RunRow {
  id: string;
  status: string;
  started_at: Date;
  finished_at: Date | null;
}

/**
 * Fault 3: two replicas of the Shopify worker on one Postgres and one Redis, each scheduled every
 * second: no overlapping runs, no duplicated rows, every event published once.
 */
describeWithRedisServer('fault: two worker replicas on a 1-second schedule', () => {
  describeWithPostgres('on one scratch database', (pg) => {
    let redis: OwnRedis;
    let sandbox: ShopifySandbox;
    let replicas: RunningProcess[] = [];

    beforeAll(async () => {
      redis = await startOwnRedis();
      sandbox = await startShop(ORDERS);
    });
    afterAll(async () => {
      killLeftoverProcesses();
      await sandbox?.close();
      await redis?.stop();
      killOwnRedisServers();
    });

    it('runs each sync once at a time, stores each order once and publishes each event once', async () => {
      const env = workerEnv(sandbox, pg.url, redis.url, { SHOPIFY_SYNC_CRON: '* * * * * *' });
      replicas = [startWorkerReplica(env), startWorkerReplica(env)];
      await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
      await Promise.all(
        replicas.map((replica) => {
          replica.child.kill('SIGTERM');
          return replica.exited;
        }),
      );

      const client = new Client({ connectionString: pg.url });
      await client.connect();
      const runs = (await client.query<RunRow>("select id, status, started_at, finished_at from sync_runs where integration = 'shopify' order by started_at")).rows;
      const [orders] = (await client.query<{ rows: string; distinct: string }>(
        "select count(*) as rows, count(distinct (account_id, external_id)) as distinct from orders where integration = 'shopify'",
      )).rows;
      const outbox = (await client.query<{ id: string; published: boolean }>('select id, published_at is not null as published from outbox')).rows;
      await client.end();

      const streamClient = new Redis(redis.url);
      const entries = (await streamClient.xrange('workers:events', '-', '+')) as [string, string[]][];
      streamClient.disconnect();
      const streamIds = entries.map(([, fields]) => (JSON.parse(fields[1]) as { id: string }).id);

      let overlaps = 0;
      for (let i = 1; i < runs.length; i++) {
        const previousEnd = runs[i - 1].finished_at;
        if (!previousEnd || previousEnd > runs[i].started_at) overlaps++;
      }
      const skippedLocked = replicas.map((r) => (r.output().match(/skipped \(locked by another process\)/g) ?? []).length);
      const runsPerReplica = replicas.map((r) => (r.output().match(/scheduled run (succeeded|failed|partial)/g) ?? []).length);
      const figures = {
        seconds: SECONDS,
        runs: runs.length,
        runStatuses: runs.reduce<Record<string, number>>((acc, run) => ({ ...acc, [run.status]: (acc[run.status] ?? 0) + 1 }), {}),
        runsPerReplica,
        ticksSkippedAsLocked: skippedLocked,
        overlappingRuns: overlaps,
        orderRows: Number(orders.rows),
        distinctOrders: Number(orders.distinct),
        ordersInSandbox: ORDERS,
        outboxEvents: outbox.length,
        outboxUnpublished: outbox.filter((e) => !e.published).length,
        streamEntries: streamIds.length,
        streamDuplicates: streamIds.length - new Set(streamIds).size,
        outboxEventsMissingFromStream: outbox.filter((e) => !streamIds.includes(e.id)).length,
      };
      printFigures('two worker replicas, 1-second schedule', figures);

      expect(runs.length).toBeGreaterThan(2);
      expect(runsPerReplica.every((n) => n > 0)).toBe(true);
      expect(overlaps).toBe(0);
      // Every run succeeded; the last one may have been stopped by this test's SIGTERM.
      expect(runs.slice(0, -1).every((run) => run.status === 'succeeded')).toBe(true);
      expect(['succeeded', 'interrupted']).toContain(runs.at(-1)?.status);
      expect(figures.orderRows).toBe(ORDERS);
      expect(figures.distinctOrders).toBe(ORDERS);
      expect(figures.outboxUnpublished).toBe(0);
      expect(figures.streamDuplicates).toBe(0);
      expect(figures.outboxEventsMissingFromStream).toBe(0);
      expect(figures.streamEntries).toBe(outbox.length);
    }, (SECONDS + 90) * 1000);
  });
});
