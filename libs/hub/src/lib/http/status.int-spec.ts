import {
  inventoryUpdate,
  post,
  startHub,
  Subscriber,
  type TestHub,
} from '../../test/hub-harness';

describe('refusals, status, health and metrics', () => {
  let hub: TestHub;
  const subscribers: Subscriber[] = [];
  const subscribe = (path: string) => {
    const subscriber = new Subscriber(`${hub.url}${path}`);
    subscribers.push(subscriber);
    return subscriber;
  };

  beforeAll(async () => {
    hub = await startHub({ HUB_AUTH: 'off' });
    await post(hub.url, '/events', inventoryUpdate('S-1'));
  });
  afterEach(() => subscribers.splice(0).forEach((s) => s.close()));
  afterAll(() => hub.close());

  it.each([
    ['an unknown channel', '/sse/nope', 404],
    ['a malformed job id', '/sse/jobs/bad$id', 404],
    ['a list with an unknown channel', '/sse?channels=sales,nope', 404],
    ['an empty list', '/sse?channels=', 400],
    ['an empty name in the list', '/sse?channels=sales,,inventory', 400],
    [
      '257 channels',
      `/sse?channels=${Array.from({ length: 257 }, (_, i) => `job:j${i}`).join(',')}`,
      400,
    ],
    ['a 101-character name', `/sse/${'a'.repeat(101)}`, 400],
    ['a name with a space', '/sse/sa%20les', 400],
  ])('refuses %s with %i and a JSON body', async (_label, path, status) => {
    const response = await fetch(`${hub.url}${path}`);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await response.json()).toMatchObject({
      statusCode: status,
      message: expect.any(String),
    });
  });

  it('reports status, health and Prometheus metrics', async () => {
    const sub = subscribe('/sse?channels=sales,dashboard');
    await sub.connected();
    const status = (await (
      await fetch(`${hub.url}/sse/status`)
    ).json()) as Record<string, unknown>;
    expect(status).toMatchObject({
      activeConnections: 1,
      channels: { sales: 1, dashboard: 1 },
    });
    for (const key of [
      'totalConnections',
      'peakConnections',
      'totalEvents',
      'slowClientsDropped',
      'uptimeSeconds',
    ]) {
      expect(typeof status[key]).toBe('number');
    }
    expect(status['eventsByType']).toMatchObject({
      'inventory:update': expect.any(Number),
    });
    expect(status['lastEventBySource']).toHaveProperty([
      'unleashed/main/sandbox',
    ]);
    const health = await fetch(`${hub.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({
      status: 'ok',
      live: true,
      ready: true,
    });
    const metrics = await fetch(`${hub.url}/metrics`);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await metrics.text();
    expect(text).toMatch(/^hub_active_connections 1$/m);
    expect(text).toMatch(/^hub_channel_subscribers\{channel="sales"\} 1$/m);
    expect(text).toMatch(/^hub_events_total\{type="inventory:update"\} \d+$/m);
    expect(text).toMatch(/^hub_publish_to_write_seconds_count \d+$/m);
    expect(text).toContain('hub_slow_clients_dropped_total');
  });
});
