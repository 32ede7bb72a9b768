import { request } from 'node:http';

import { type RunningHub, runHubToExit, spawnHub } from './support/spawn-hub';

describe('sse-hub process', () => {
  let hub: RunningHub | undefined;

  // A failed assertion must not leave a hub running (jest would wait for it forever).
  afterEach(() => {
    if (hub?.child.exitCode === null) hub.child.kill('SIGKILL');
    hub = undefined;
  });

  it('refuses to start with auth on and secrets missing, naming them', async () => {
    const { code, output } = await runHubToExit({});
    expect(code).toBe(1);
    for (const name of [
      'HUB_PUBLISHER_TOKEN',
      'HUB_ADMIN_TOKEN',
      'HUB_JWT_SECRET',
    ])
      expect(output).toContain(`${name}: must be set when HUB_AUTH=on`);
  });

  it('names a bad variable without printing its secret value', async () => {
    const { code, output } = await runHubToExit({
      HUB_PUBLISHER_TOKEN: 'publisher-token-0123456789',
      HUB_ADMIN_TOKEN: 'admin-token-0123456789',
      HUB_JWT_SECRET: 'too-short-secret',
    });
    expect(code).toBe(1);
    expect(output).toContain('HUB_JWT_SECRET');
    expect(output).not.toContain('too-short-secret');
  });

  it('warns loudly with HUB_AUTH=off and closes streams cleanly on SIGTERM', async () => {
    const running = (hub = await spawnHub({ HUB_AUTH: 'off' }));
    expect(running.output()).toMatch(/"level":"warn".*AUTHENTICATION IS DISABLED/);
    const body = new Promise<string>((resolve, reject) => {
      const req = request(`${running.url}/sse/sales`, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('event: connected'))
            running.child.kill('SIGTERM');
        });
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.end();
    });
    expect(await body).toMatch(/: hub shutting down\n\n$/);
    // The built bundle must keep the lean path: streams detached from Node's HTTP parser.
    expect(running.output()).not.toContain('socket detach unavailable');
    // Nest re-raises the signal once shutdown is done, so the process ends by SIGTERM (or exits 0).
    expect([0, 'SIGTERM']).toContain(await running.exited);
  });
});
