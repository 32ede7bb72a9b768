import type { Socket } from 'node:net';
import { connect } from 'node:net';

import { eventually, startHub, type TestHub } from '../../test/hub-harness';

/** Opens a raw stream from `localAddress` with an `X-Forwarded-For` header; resolves with the status. */
function streamVia(
  hub: TestHub,
  localAddress: string,
  forwardedFor: string,
  sockets: Socket[],
): Promise<number> {
  const { port } = new URL(hub.url);
  return new Promise((resolve, reject) => {
    const socket = connect(
      { host: '127.0.0.1', port: Number(port), localAddress },
      () =>
        socket.write(
          `GET /sse/sales HTTP/1.1\r\nHost: hub\r\nX-Forwarded-For: ${forwardedFor}\r\n\r\n`,
        ),
    );
    sockets.push(socket);
    socket.once('data', (chunk: Buffer) =>
      resolve(Number(chunk.toString('latin1').slice(9, 12))),
    );
    socket.once('error', reject);
  });
}

describe('HUB_TRUST_PROXY', () => {
  let hub: TestHub;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    hub = await startHub({
      HUB_AUTH: 'off',
      HUB_MAX_CONNECTIONS_PER_IP: '1',
      HUB_TRUST_PROXY: '127.0.0.2/32',
    });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.destroy());
    await hub.close();
  });

  it('counts clients behind a trusted proxy by X-Forwarded-For, and an untrusted peer by its own address', async () => {
    // Two clients through the trusted proxy (127.0.0.2): each is its own address.
    expect(await streamVia(hub, '127.0.0.2', '203.0.113.7', sockets)).toBe(200);
    expect(await streamVia(hub, '127.0.0.2', '203.0.113.8', sockets)).toBe(200);
    // The same client again through the proxy: its per-IP limit (1) applies.
    expect(await streamVia(hub, '127.0.0.2', '203.0.113.7', sockets)).toBe(429);
    // An untrusted peer cannot pick an address by sending the header: it is counted as itself.
    expect(await streamVia(hub, '127.0.0.3', '198.51.100.1', sockets)).toBe(200);
    expect(await streamVia(hub, '127.0.0.3', '198.51.100.2', sockets)).toBe(429);
    await eventually(() => hub.hub.registry.size === 3);
    const ips = [...hub.hub.registry.connections()].map((c) => c.ip).sort();
    expect(ips).toEqual(['127.0.0.3', '203.0.113.7', '203.0.113.8']);
  });
});
