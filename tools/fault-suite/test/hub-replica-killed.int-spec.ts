import { killHard, killLeftoverProcesses, PUBLISHER_TOKEN, type RunningHub, startHubReplica } from './support/processes';
import { describeWithRedisServer, killOwnRedisServers, type OwnRedis, startOwnRedis } from './support/redis-server';
import { auditSequence, numbered, postEvents, printFigures, subscriberToken, waitUntil } from './support/sequence';
import { SseSubscriber } from './support/sse-subscriber';

const SENT = 600;
const KILL_AT = 200;
const RATE_PER_SECOND = 100;
const SUBSCRIBERS_PER_REPLICA = 3;

/**
 * Fault 1: three hub replicas, subscribers spread over them, a publisher sending a numbered
 * sequence; one replica is `kill -9`ed mid-stream and its clients reconnect to another with
 * Last-Event-ID. Every subscriber must end with the whole sequence, in order, no duplicates.
 */
describeWithRedisServer('fault: a hub replica killed mid-stream', () => {
  let redis: OwnRedis;
  let hubs: RunningHub[];
  const subscribers: SseSubscriber[] = [];

  beforeAll(async () => {
    redis = await startOwnRedis();
    hubs = await Promise.all(
      [0, 1, 2].map((i) => startHubReplica({ REDIS_URL: redis.url, REDIS_STREAM_KEY: 'kill9:events', HUB_REPLICA_ID: `hub-${i}` })),
    );
  });
  afterAll(async () => {
    subscribers.forEach((s) => s.close());
    killLeftoverProcesses();
    await redis?.stop();
    killOwnRedisServers();
  });

  it('every subscriber ends with 1..N in order, without duplicates', async () => {
    const token = await subscriberToken(['inventory']);
    const urls = hubs.map((hub) => hub.url);
    for (let i = 0; i < hubs.length * SUBSCRIBERS_PER_REPLICA; i++) {
      // Starts on replica i % 3; when its stream ends it tries the next replica, as a balancer would.
      subscribers.push(new SseSubscriber(() => urls, '/sse/inventory', () => ({ authorization: `Bearer ${token}` }), i % hubs.length));
    }
    await Promise.all(subscribers.map((s) => s.open()));

    let retries = 0;
    let target = 0;
    const started = Date.now();
    for (let n = 1; n <= SENT; n++) {
      if (n === KILL_AT) await killHard(hubs[0]);
      // Round-robin over the replicas; a refused or failed post goes to the next one.
      for (;;) {
        const hub = hubs[target++ % hubs.length];
        const status = await postEvents(hub.url, PUBLISHER_TOKEN, [numbered('kill9', n)]);
        if (status === 202) break;
        retries++;
      }
      const due = started + (n * 1000) / RATE_PER_SECOND;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    }
    await waitUntil(() => subscribers.every((s) => auditSequence(s.events, SENT).distinct === SENT), 20_000, 'every subscriber to have the sequence');
    await new Promise((resolve) => setTimeout(resolve, 300));

    const audits = subscribers.map((s) => auditSequence(s.events, SENT));
    printFigures('replica killed mid-stream (kill -9 of 1 of 3 replicas)', {
      sent: SENT,
      killedAt: KILL_AT,
      publishRetries: retries,
      subscribers: subscribers.map((s, i) => `started on hub-${i % hubs.length}, ${s.connections} connection(s): ${JSON.stringify(audits[i])}`),
    });
    for (const audit of audits) expect(audit).toEqual({ sent: SENT, received: SENT, distinct: SENT, duplicates: 0, gaps: 0, inOrder: true });
    // The killed replica's subscribers did reconnect elsewhere.
    subscribers.filter((_, i) => i % hubs.length === 0).forEach((s) => expect(s.connections).toBeGreaterThanOrEqual(2));
  });
});
