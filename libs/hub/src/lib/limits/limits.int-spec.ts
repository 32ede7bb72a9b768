import type { Socket } from 'node:net';

import {
  eventually,
  rawStream,
  startHub,
  type TestHub,
} from '../../test/hub-harness';

describe('connection limits', () => {
  let hub: TestHub;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    hub = await startHub({
      HUB_AUTH: 'off',
      HUB_MAX_CONNECTIONS: '3',
      HUB_MAX_CONNECTIONS_PER_IP: '2',
    });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.destroy());
    await hub.close();
  });

  it('answers 429 past the per-IP cap and 503 past the total cap, both with Retry-After', async () => {
    for (const address of ['127.0.0.1', '127.0.0.1', '127.0.0.2']) {
      const { status, socket } = await rawStream(
        hub.url,
        '/sse/sales',
        address,
      );
      sockets.push(socket);
      expect(status).toBe(200);
    }
    await eventually(() => hub.hub.registry.size === 3);
    const perIp = await fetch(`${hub.url}/sse/sales`);
    expect(perIp.status).toBe(503);
    expect(perIp.headers.get('retry-after')).toBe('5');
    sockets.pop()?.destroy();
    await eventually(() => hub.hub.registry.size === 2);
    const sameIp = await fetch(`${hub.url}/sse/sales`);
    expect(sameIp.status).toBe(429);
    expect(sameIp.headers.get('retry-after')).toBe('5');
    expect(await sameIp.json()).toMatchObject({
      statusCode: 429,
      error: 'too_many_requests',
    });
  });
});
