import { RedisPublisher } from '@ops/sse-events/redis';
import { countUnpublished, type Database, enqueueOutbox, openDatabase } from '@ops/store';
import { describeWithPostgres } from '@ops/store/testing';
import { OutboxRelay } from '@ops/sync-core';

import { killLeftoverProcesses, type RunningHub, startHubReplica } from './support/processes';
import { describeWithRedisServer, killOwnRedisServers, type OwnRedis, startOwnRedis } from './support/redis-server';
import { auditSequence, numbered, printFigures, subscriberToken, waitUntil } from './support/sequence';
import { SseSubscriber } from './support/sse-subscriber';

const SENT = 300;
const KILL_AT = 100;
const DOWN_MS = 2_000;
const RATE_PER_SECOND = 60;

/**
 * Fault 2: the Redis server process is killed (`kill -9`) mid-stream and started again. A
 * worker's outbox (the real relay, on Postgres) holds the events while Redis is down; the hub
 * replicas keep their subscribers and catch up from the stream. Redis runs as production should:
 * append-only file, fsync on every write, so what it acknowledged survives the restart.
 */
describeWithRedisServer('fault: Redis restarted mid-stream', () => {
  describeWithPostgres('with a worker outbox on Postgres', (pg) => {
    let redis: OwnRedis;
    let hubs: RunningHub[];
    let database: Database;
    let relay: OutboxRelay;
    let publisher: RedisPublisher;
    const subscribers: SseSubscriber[] = [];
    const relayErrors: string[] = [];

    beforeAll(async () => {
      redis = await startOwnRedis({ durable: true });
      const env = { REDIS_URL: redis.url, REDIS_STREAM_KEY: 'restart:events' };
      hubs = await Promise.all([0, 1].map((i) => startHubReplica({ ...env, HUB_REPLICA_ID: `hub-${i}` })));
      database = await openDatabase({ databaseUrl: pg.url });
      publisher = new RedisPublisher({ url: redis.url, streamKey: 'restart:events' });
      relay = new OutboxRelay(database, publisher, { intervalMs: 50, maxBackoffMs: 1_000, onError: (m) => relayErrors.push(m) });
    });
    afterAll(async () => {
      subscribers.forEach((s) => s.close());
      await relay?.stop();
      await publisher?.close();
      await database?.close();
      killLeftoverProcesses();
      await redis?.stop();
      killOwnRedisServers();
    });

    it('loses nothing: every subscriber ends with 1..N in order, without duplicates', async () => {
      const token = await subscriberToken(['inventory']);
      for (let i = 0; i < 4; i++) {
        subscribers.push(new SseSubscriber(() => [hubs[i % 2].url], '/sse/inventory', () => ({ authorization: `Bearer ${token}` })));
      }
      await Promise.all(subscribers.map((s) => s.open()));
      relay.start();

      let maxPending = 0;
      let downFrom = 0;
      let downUntil = 0;
      const started = Date.now();
      for (let n = 1; n <= SENT; n++) {
        if (n === KILL_AT) {
          await redis.kill();
          downFrom = Date.now();
        }
        if (downFrom && !downUntil && Date.now() - downFrom >= DOWN_MS) {
          maxPending = Math.max(maxPending, await countUnpublished(database.db));
          await redis.start();
          downUntil = Date.now();
        }
        await database.transaction((tx) => enqueueOutbox(tx, [numbered('restart', n)]));
        const due = started + (n * 1000) / RATE_PER_SECOND;
        if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      }
      await waitUntil(() => subscribers.every((s) => auditSequence(s.events, SENT).distinct === SENT), 30_000, 'every subscriber to have the sequence');
      await new Promise((resolve) => setTimeout(resolve, 300));

      const audits = subscribers.map((s) => auditSequence(s.events, SENT));
      printFigures('Redis killed and restarted mid-stream', {
        sent: SENT,
        redisDownMs: downUntil - downFrom,
        outboxPendingWhileDown: maxPending,
        relayFailures: relayErrors.length,
        subscribers: audits.map((a, i) => `hub-${i % 2}: ${JSON.stringify(a)}`),
      });
      expect(downUntil).toBeGreaterThan(downFrom);
      expect(maxPending).toBeGreaterThan(0);
      expect(await countUnpublished(database.db)).toBe(0);
      for (const audit of audits) expect(audit).toEqual({ sent: SENT, received: SENT, distinct: SENT, duplicates: 0, gaps: 0, inOrder: true });
      // The hubs kept their subscribers through the outage: one connection each, never dropped.
      for (const subscriber of subscribers) expect(subscriber.connections).toBe(1);
    });
  });
});
