import { Redis } from 'ioredis';

import { killLeftoverProcesses, PUBLISHER_TOKEN, startHubReplica } from './support/processes';
import { describeWithRedisServer, killOwnRedisServers, type OwnRedis, startOwnRedis } from './support/redis-server';
import { numbered, postEvents, subscriberToken, waitUntil } from './support/sequence';
import { SseSubscriber } from './support/sse-subscriber';

/** Replay after a restart comes from the stream; an id trimmed from it is a replay_gap. */
describeWithRedisServer('replay from the Redis stream on a replica started later', () => {
  let redis: OwnRedis;

  beforeAll(async () => {
    redis = await startOwnRedis();
  });
  afterAll(async () => {
    killLeftoverProcesses();
    await redis?.stop();
    killOwnRedisServers();
  });

  it('replays events published before the replica existed, and reports replay_gap once the id is trimmed away', async () => {
    const env = { REDIS_URL: redis.url, REDIS_STREAM_KEY: 'replay:events', REDIS_STREAM_MAXLEN: '100' };
    const publisherHub = await startHubReplica({ ...env, HUB_REPLICA_ID: 'first' });
    const sent = Array.from({ length: 50 }, (_, i) => numbered('replay', i + 1));
    expect(await postEvents(publisherHub.url, PUBLISHER_TOKEN, sent)).toBe(202);

    const later = await startHubReplica({ ...env, HUB_REPLICA_ID: 'later' });
    const token = await subscriberToken(['inventory']);
    const resumed = new SseSubscriber(() => [later.url], '/sse/inventory', () => ({ authorization: `Bearer ${token}` }));
    resumed.lastEventId = sent[9].id;
    await resumed.open();
    await waitUntil(() => resumed.data().length === 40, 5_000, 'the replay of events 11..50');
    expect(resumed.data().map((e) => e.id)).toEqual(sent.slice(10).map((e) => e.id));
    resumed.close();

    // 400 more events: MAXLEN ~ 100 trims whole nodes, so event 1 is gone from the stream.
    for (let start = 51; start <= 450; start += 100) {
      const batch = Array.from({ length: 100 }, (_, i) => numbered('replay', start + i));
      expect(await postEvents(publisherHub.url, PUBLISHER_TOKEN, batch)).toBe(202);
    }
    const client = new Redis(redis.url);
    const length = await client.xlen('replay:events');
    const [[oldestStreamId, oldestFields]] = (await client.xrange('replay:events', '-', '+', 'COUNT', 1)) as [string, string[]][];
    client.disconnect();
    expect(length).toBeLessThan(450);
    const oldestKept = (JSON.parse(oldestFields[1]) as { id: string }).id;

    const restarted = await startHubReplica({ ...env, HUB_REPLICA_ID: 'restarted' });
    const gapped = new SseSubscriber(() => [restarted.url], '/sse/inventory', () => ({ authorization: `Bearer ${token}` }));
    gapped.lastEventId = sent[0].id;
    await gapped.open();
    await waitUntil(() => gapped.events.some((e) => e.type === 'replay_gap'), 5_000, 'replay_gap');
    const gap = JSON.parse(gapped.events.find((e) => e.type === 'replay_gap')?.data ?? '{}') as Record<string, unknown>;
    expect(gap).toEqual({ lastEventId: sent[0].id, oldestAvailableId: oldestKept });
    expect(gapped.data()).toEqual([]);
    gapped.close();
    expect(oldestStreamId).toMatch(/^\d+-\d+$/);
  });
});
