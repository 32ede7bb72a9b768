import { request } from 'node:http';

import { jobChannel, STATIC_CHANNELS } from '@ops/sse-events';

import {
  ADMIN_TOKEN,
  amazonStarted,
  eventually,
  forecastProgress,
  inventoryUpdate,
  post,
  sleep,
  startHub,
  Subscriber,
  type TestHub,
} from '../../test/hub-harness';

/** Reads the first `bytes` of a stream response, then closes it. */
function readHead(
  url: string,
  bytes = 200,
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.length >= bytes || text.includes('event: connected')) {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text });
          req.destroy();
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('SSE streams (HUB_AUTH=off)', () => {
  let hub: TestHub;
  const subscribers: Subscriber[] = [];
  const subscribe = (path: string) => {
    const subscriber = new Subscriber(`${hub.url}${path}`);
    subscribers.push(subscriber);
    return subscriber;
  };

  beforeAll(async () => {
    hub = await startHub({ HUB_AUTH: 'off', HUB_HEARTBEAT_MS: '50' });
  });
  afterEach(() => subscribers.splice(0).forEach((s) => s.close()));
  afterAll(() => hub.close());

  it('sends the SSE headers, a retry hint first and a connected event with a client id', async () => {
    const { status, headers, text } = await readHead(`${hub.url}/sse/sales`);
    expect(status).toBe(200);
    expect(headers['content-type']).toMatch(/^text\/event-stream/);
    expect(headers['cache-control']).toBe('no-cache, no-transform');
    expect(headers['x-accel-buffering']).toBe('no');
    expect(headers['content-encoding']).toBeUndefined();
    expect(text.startsWith('retry: 3000\n\n')).toBe(true);
    expect(text).toMatch(
      /event: connected\ndata: \{"clientId":"[0-9a-f-]{36}","channels":\["sales"\]\}\n\n/,
    );
  });

  it('delivers each event with id, event and the JSON envelope as data', async () => {
    const sub = subscribe('/sse/inventory');
    await sub.connected();
    const envelope = inventoryUpdate('SKU-1', 7);
    expect((await post(hub.url, '/events', envelope)).status).toBe(202);
    await sub.waitFor((events) =>
      events.some((e) => e.type === 'inventory:update'),
    );
    expect(sub.received).toEqual([
      { type: 'inventory:update', id: envelope.id, data: envelope },
    ]);
  });

  it('delivers an event once to a connection subscribed to several of its channels', async () => {
    const sub = subscribe('/sse?channels=sales,inventory,dashboard');
    await sub.connected();
    await post(hub.url, '/events', [amazonStarted(), inventoryUpdate('SKU-2')]);
    await sub.waitFor((events) => events.length >= 3);
    await sleep(100);
    expect(sub.received.map((e) => e.type)).toEqual([
      'amazon:sync_started',
      'inventory:update',
    ]);
  });

  it('serves 128 channels on one connection', async () => {
    const jobs = Array.from({ length: 128 - STATIC_CHANNELS.length }, (_, i) =>
      jobChannel(`job-${i}`),
    );
    const channels = [...STATIC_CHANNELS, ...jobs];
    const sub = subscribe(`/sse?channels=${channels.join(',')}`);
    await sub.connected();
    expect((sub.events[0].data['channels'] as string[]).length).toBe(128);
    await post(hub.url, '/events', [
      forecastProgress('job-0', 0.1),
      forecastProgress('job-120', 0.2),
    ]);
    await sub.waitFor((events) => events.length >= 3);
    await sleep(100);
    expect(
      sub.received.map((e) => (e.data['payload'] as { jobId: string }).jobId),
    ).toEqual(['job-0', 'job-120']);
  });

  it('keeps job channels apart', async () => {
    const a = subscribe('/sse/jobs/job-a');
    const b = subscribe('/sse/job:job-b');
    await Promise.all([a.connected(), b.connected()]);
    await post(hub.url, '/events', [
      forecastProgress('job-a', 0.5),
      forecastProgress('job-b', 0.6),
    ]);
    await a.waitFor((events) => events.length >= 2);
    await b.waitFor((events) => events.length >= 2);
    await sleep(100);
    expect(
      a.received.map((e) => (e.data['payload'] as { jobId: string }).jobId),
    ).toEqual(['job-a']);
    expect(
      b.received.map((e) => (e.data['payload'] as { jobId: string }).jobId),
    ).toEqual(['job-b']);
  });

  it('sends heartbeat comments at the configured interval', async () => {
    const raw = await new Promise<string>((resolve) => {
      const req = request(`${hub.url}/sse/dashboard`, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        setTimeout(() => {
          req.destroy();
          resolve(body);
        }, 300);
      });
      req.end();
    });
    expect(
      raw.split('\n').filter((line) => line === ':').length,
    ).toBeGreaterThanOrEqual(3);
  });

  it('broadcasts admin messages to every connection whatever its channels', async () => {
    const a = subscribe('/sse/sales');
    const b = subscribe('/sse/jobs/x1');
    await Promise.all([a.connected(), b.connected()]);
    const response = await post(
      hub.url,
      '/sse/admin/broadcast',
      { message: 'maintenance at 18:00', level: 'warning' },
      ADMIN_TOKEN,
    );
    expect(response.status).toBe(202);
    for (const sub of [a, b]) {
      await sub.waitFor((events) =>
        events.some((e) => e.type === 'admin:broadcast'),
      );
      const event = sub.received[0];
      expect(event.data).toMatchObject({
        type: 'admin:broadcast',
        source: { system: 'hub' },
      });
      expect(event.data['payload']).toEqual({
        message: 'maintenance at 18:00',
        level: 'warning',
      });
    }
  });

  it('forgets closed connections', async () => {
    const sub = subscribe('/sse/production');
    await sub.connected();
    sub.close();
    await eventually(
      () => hub.hub.registry.size === 0,
      5_000,
      'connection to close',
    );
  });
});
