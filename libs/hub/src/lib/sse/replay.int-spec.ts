import {
  forecastProgress,
  inventoryUpdate,
  post,
  sleep,
  startHub,
  Subscriber,
  type TestHub,
} from '../../test/hub-harness';

describe('Last-Event-ID replay', () => {
  let hub: TestHub;
  const subscribers: Subscriber[] = [];
  const subscribe = (path: string, headers: Record<string, string> = {}) => {
    const subscriber = new Subscriber(`${hub.url}${path}`, headers);
    subscribers.push(subscriber);
    return subscriber;
  };

  beforeAll(async () => {
    hub = await startHub({
      HUB_AUTH: 'off',
      HUB_HISTORY_SIZE: '5',
      HUB_RETRY_MS: '100',
    });
  });
  afterEach(() => subscribers.splice(0).forEach((s) => s.close()));
  afterAll(() => hub.close());

  it('replays exactly the missed events of the connection channels, in order, then goes live', async () => {
    const first = subscribe('/sse/inventory');
    await first.connected();
    await post(hub.url, '/events', inventoryUpdate('A'));
    await first.waitFor((events) => events.length >= 2);
    const lastSeen = first.received[0].id;
    first.close();

    const missed = [
      inventoryUpdate('B'),
      forecastProgress('j1', 0.5),
      inventoryUpdate('C'),
    ];
    await post(hub.url, '/events', missed);

    const again = subscribe('/sse/inventory', { 'Last-Event-ID': lastSeen });
    await again.waitFor((events) => events.length >= 3);
    const live = inventoryUpdate('D');
    await post(hub.url, '/events', live);
    await again.waitFor((events) => events.length >= 4);
    await sleep(100);
    expect(again.received.map((e) => e.id)).toEqual([
      missed[0].id,
      missed[2].id,
      live.id,
    ]);
  });

  it('accepts the id as a lastEventId query parameter', async () => {
    const events = [inventoryUpdate('E'), inventoryUpdate('F')];
    await post(hub.url, '/events', events);
    const sub = subscribe(`/sse/inventory?lastEventId=${events[0].id}`);
    await sub.waitFor((received) => received.length >= 2);
    await sleep(100);
    expect(sub.received.map((e) => e.id)).toEqual([events[1].id]);
  });

  it('sends replay_gap when the id has fallen out of the bounded history', async () => {
    const old = inventoryUpdate('G');
    await post(hub.url, '/events', old);
    await post(
      hub.url,
      '/events',
      Array.from({ length: 6 }, (_, i) => inventoryUpdate(`H${i}`)),
    );
    const sub = subscribe('/sse/inventory', { 'Last-Event-ID': old.id });
    await sub.waitFor((events) => events.some((e) => e.type === 'replay_gap'));
    await sleep(100);
    expect(sub.received).toHaveLength(1);
    expect(sub.received[0].data).toMatchObject({
      lastEventId: old.id,
      oldestAvailableId: expect.any(String),
    });
  });

  it('sends replay_gap for an id it never saw', async () => {
    const sub = subscribe('/sse/inventory', {
      'Last-Event-ID': 'never-published-1',
    });
    await sub.waitFor((events) => events.some((e) => e.type === 'replay_gap'));
    expect(sub.received[0].data).toMatchObject({
      lastEventId: 'never-published-1',
    });
  });

  it('lets the eventsource client resume by itself after the hub drops the stream', async () => {
    const sub = subscribe('/sse/inventory');
    await sub.connected();
    const before = inventoryUpdate('I');
    await post(hub.url, '/events', before);
    await sub.waitFor((events) => events.length >= 2);
    for (const connection of hub.hub.registry.connections())
      connection.socket.destroy();
    const during = inventoryUpdate('J');
    await post(hub.url, '/events', during);
    await sub.waitFor(
      (events) => events.filter((e) => e.type === 'connected').length >= 2,
      10_000,
    );
    await sub.waitFor((events) => events.some((e) => e.id === during.id));
    expect(sub.received.map((e) => e.id)).toEqual([before.id, during.id]);
  });
});
