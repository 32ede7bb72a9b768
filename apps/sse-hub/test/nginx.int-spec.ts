import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type RunningHub, spawnHub } from './support/spawn-hub';

const { EventSource } = require('eventsource') as typeof import('eventsource');

function findNginx(): string | undefined {
  for (const candidate of [
    '/usr/sbin/nginx',
    '/usr/local/sbin/nginx',
    '/usr/local/bin/nginx',
    '/usr/bin/nginx',
  ]) {
    try {
      execFileSync(candidate, ['-v'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A stock reverse proxy: default buffering, HTTP/1.0 upstream, nothing SSE-specific. */
function nginxConfig(dir: string, port: number, upstream: string): string {
  return `
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 128; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    location / { proxy_pass ${upstream}; }
  }
}
`;
}

const nginx = findNginx();
if (!nginx && process.env['CI'] === 'true') {
  throw new Error(
    'nginx is required in CI for the proxy test: apt-get install -y nginx',
  );
}
const describeWithNginx = nginx ? describe : describe.skip;

describeWithNginx('through a real nginx reverse proxy', () => {
  let hub: RunningHub;
  let proxy: ChildProcess;
  let proxyUrl: string;
  let dir: string;

  beforeAll(async () => {
    hub = await spawnHub({ HUB_AUTH: 'off', HUB_HEARTBEAT_MS: '200' });
    dir = mkdtempSync(join(tmpdir(), 'hub-nginx-'));
    for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'])
      mkdirSync(join(dir, sub));
    chmodSync(dir, 0o777);
    const port = await freePort();
    writeFileSync(join(dir, 'nginx.conf'), nginxConfig(dir, port, hub.url));
    proxy = spawn(nginx as string, ['-c', join(dir, 'nginx.conf'), '-p', dir], {
      stdio: 'ignore',
    });
    proxyUrl = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 10_000;
    for (;;) {
      const ok = await fetch(`${proxyUrl}/health`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error('nginx did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  afterAll(async () => {
    proxy?.kill('SIGTERM');
    hub?.child.kill('SIGTERM');
    await hub?.exited;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('delivers each event without waiting for a buffer to fill, and heartbeats pass through', async () => {
    const received: { at: number; id: string }[] = [];
    let comments = 0;
    const source = new EventSource(`${proxyUrl}/sse/inventory`, {
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        expect(response.headers.get('x-accel-buffering')).toBeNull(); // consumed by nginx
        return response;
      },
    });
    source.addEventListener('inventory:update', (event) =>
      received.push({ at: Date.now(), id: event.lastEventId }),
    );
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('no connected event through nginx within 5 s')),
        5_000,
      );
      source.addEventListener('connected', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    const sentAt: number[] = [];
    for (let i = 0; i < 5; i++) {
      const id = `nginx-test-${i}`;
      const envelope = {
        id,
        type: 'inventory:update',
        channels: ['inventory'],
        source: {
          system: 'unleashed',
          account: 'main',
          environment: 'sandbox',
        },
        occurredAt: new Date().toISOString(),
        payload: {
          sku: `SKU-${i}`,
          quantity: i,
          previousQuantity: null,
          location: 'main',
          source: 'unleashed',
        },
      };
      sentAt.push(Date.now());
      const response = await fetch(`${hub.url}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(envelope),
      });
      expect(response.status).toBe(202);
      const deadline = Date.now() + 1_000;
      while (received.length <= i && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 5));
      expect(received.map((e) => e.id)).toContain(id);
      expect(received[i].at - sentAt[i]).toBeLessThan(500);
    }
    source.close();

    const raw = await fetch(`${proxyUrl}/sse/dashboard`);
    if (!raw.body) throw new Error('stream through nginx has no body');
    const reader = raw.body.getReader();
    const started = Date.now();
    let text = '';
    while (Date.now() - started < 700) {
      const { value } = await reader.read();
      text += Buffer.from(value ?? new Uint8Array()).toString();
      comments = text.split('\n').filter((line) => line === ':').length;
      if (comments >= 2) break;
    }
    await reader.cancel();
    expect(comments).toBeGreaterThanOrEqual(2);
  });

  it('passes refusals through as JSON', async () => {
    const response = await fetch(`${proxyUrl}/sse/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      statusCode: 404,
      error: 'not_found',
    });
  });
});
