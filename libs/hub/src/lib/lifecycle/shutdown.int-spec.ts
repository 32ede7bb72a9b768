import { request } from 'node:http';

import { eventually, startHub } from '../../test/hub-harness';

describe('graceful shutdown', () => {
  it('stops accepting, then ends every stream cleanly so clients reconnect', async () => {
    const hub = await startHub({ HUB_AUTH: 'off' });
    const ended = new Promise<string>((resolve, reject) => {
      const req = request(`${hub.url}/sse/sales`, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve(body));
      });
      req.on('error', reject);
      req.end();
    });
    await eventually(() => hub.hub.registry.size === 1);
    const started = Date.now();
    await hub.close();
    const body = await ended;
    expect(body).toContain('event: connected');
    expect(body.endsWith(': hub shutting down\n\n')).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(hub.hub.registry.size).toBe(0);
    await expect(fetch(`${hub.url}/health`)).rejects.toThrow();
  });
});
