import { killLeftoverProcesses, PUBLISHER_TOKEN, ADMIN_TOKEN, type RunningHub, startHubReplica } from './support/processes';
import { describeWithRedisServer, killOwnRedisServers, type OwnRedis, startOwnRedis } from './support/redis-server';
import { numbered, postEvents, printFigures, subscriberToken, waitUntil } from './support/sequence';
import { SseSubscriber } from './support/sse-subscriber';

/**
 * The from-outside acceptance: two hub processes with the same REDIS_URL on two ports.
 */
describeWithRedisServer('two hub replicas sharing REDIS_URL', () => {
  let redis: OwnRedis;
  let a: RunningHub;
  let b: RunningHub;
  let token: string;
  const subscribers: SseSubscriber[] = [];

  beforeAll(async () => {
    redis = await startOwnRedis();
    const env = { REDIS_URL: redis.url, REDIS_STREAM_KEY: 'acceptance:events' };
    [a, b] = await Promise.all([
      startHubReplica({ ...env, HUB_REPLICA_ID: 'replica-a' }),
      startHubReplica({ ...env, HUB_REPLICA_ID: 'replica-b' }),
    ]);
    token = await subscriberToken(['inventory', 'sales']);
  });
  afterEach(() => subscribers.splice(0).forEach((s) => s.close()));
  afterAll(async () => {
    killLeftoverProcesses();
    await redis?.stop();
    killOwnRedisServers();
  });

  const subscribe = async (hub: RunningHub, lastEventId?: string) => {
    const subscriber = new SseSubscriber(() => [hub.url], '/sse/inventory', () => ({ authorization: `Bearer ${token}` }));
    subscriber.lastEventId = lastEventId;
    subscribers.push(subscriber);
    await subscriber.open();
    return subscriber;
  };

  it('delivers an event posted to A to a subscriber of B, with the same id', async () => {
    const onB = await subscribe(b);
    const event = numbered('accept1', 1);
    expect(await postEvents(a.url, PUBLISHER_TOKEN, [event])).toBe(202);
    await waitUntil(() => onB.data().length === 1, 5_000, 'the event on B');
    expect(onB.data()[0]).toMatchObject({ id: event.id, type: 'inventory:update' });
    expect(JSON.parse(onB.data()[0].data)).toEqual(event);
  });

  it("replays exactly the missed events to a subscriber reconnecting to B with A's Last-Event-ID", async () => {
    const onA = await subscribe(a);
    // Watches B, so the test knows when B has read the events it is about to be asked for.
    const watcher = await subscribe(b);
    const first = numbered('accept2', 1);
    await postEvents(a.url, PUBLISHER_TOKEN, [first]);
    await waitUntil(() => onA.data().length === 1, 5_000, 'the first event on A');
    const lastSeen = onA.lastEventId;
    onA.close();
    const missed = [2, 3, 4].map((n) => numbered('accept2', n));
    // Posted to A, and one to B, while the subscriber is away.
    expect(await postEvents(a.url, PUBLISHER_TOKEN, missed.slice(0, 2))).toBe(202);
    expect(await postEvents(b.url, PUBLISHER_TOKEN, missed.slice(2))).toBe(202);
    await waitUntil(() => watcher.data().length === 4, 5_000, 'the missed events to reach B');
    const resumed = await subscribe(b, lastSeen);
    await waitUntil(() => resumed.data().length >= 3, 5_000, 'the replay on B');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(resumed.data().map((e) => e.id)).toEqual(missed.map((e) => e.id));
    expect(resumed.events.some((e) => e.type === 'replay_gap')).toBe(false);
    printFigures('acceptance: reconnect to the other replica', {
      lastEventId: lastSeen,
      missed: missed.length,
      replayed: resumed.data().length,
    });
  });

  it('accepts a ticket issued by A once on B, never twice', async () => {
    const issued = await fetch(`${a.url}/sse/tickets`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(issued.status).toBe(201);
    const { ticket } = (await issued.json()) as { ticket: string };
    const first = await fetch(`${b.url}/sse/inventory?ticket=${ticket}`, { signal: AbortSignal.timeout(2_000) }).catch(() => undefined);
    expect(first?.status).toBe(200);
    await first?.body?.cancel();
    for (const hub of [b, a]) {
      const again = await fetch(`${hub.url}/sse/inventory?ticket=${ticket}`);
      expect(again.status).toBe(401);
    }
  });

  it('ends a ticket stream on B with auth_expired when the grant of the token A issued it for expires', async () => {
    const exp = Math.floor(Date.now() / 1000) + 3;
    const shortToken = await subscriberToken(['inventory'], exp - Math.floor(Date.now() / 1000));
    const issued = await fetch(`${a.url}/sse/tickets`, { method: 'POST', headers: { authorization: `Bearer ${shortToken}` } });
    const { ticket } = (await issued.json()) as { ticket: string };
    const response = await fetch(`${b.url}/sse/inventory?ticket=${ticket}`, { signal: AbortSignal.timeout(10_000) });
    const text = await response.text();
    expect(text).toMatch(/event: auth_expired\ndata: \{"expiredAt":"[^"]+"\}\n\n$/);
    expect(Date.now()).toBeGreaterThanOrEqual(exp * 1000);
  });

  it("reports the cluster in /sse/status: both replicas, each one's connections, the stream", async () => {
    await subscribe(a);
    await subscribe(b);
    await subscribe(b);
    expect((await fetch(`${a.url}/sse/status`)).status).toBe(401);
    // Heartbeats are written every 2 s.
    let status: { replica: { id: string }; cluster: { replicas: { replicaId: string; activeConnections: number }[]; totalConnections: number; stream: { length: number } } } | undefined;
    const deadline = Date.now() + 6_000;
    for (;;) {
      const response = await fetch(`${a.url}/sse/status`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      status = (await response.json()) as typeof status;
      const counts = status?.cluster.replicas.map((r) => r.activeConnections);
      if (counts?.join(',') === '1,2' || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status?.replica.id).toBe('replica-a');
    expect(status?.cluster.replicas.map((r) => [r.replicaId, r.activeConnections])).toEqual([
      ['replica-a', 1],
      ['replica-b', 2],
    ]);
    expect(status?.cluster.totalConnections).toBe(3);
    // Events posted so far in this file: 1 + 4.
    expect(status?.cluster.stream.length).toBe(5);
  });
});
