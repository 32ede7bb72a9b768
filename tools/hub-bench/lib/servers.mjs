// The three servers under test. Each is spawned pinned to the server core and described by the
// ports the generators subscribe to and the publisher posts to.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { freePort, spawnServer } from './proc.mjs';
import { waitHealthy } from './publisher.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export const SERVER_KINDS = ['floor', 'baseline', 'hub'];

export async function startServer(kind, { root, core, logDir, hubEnv = {} }) {
  const port = await freePort();
  const logFile = path.join(logDir, `${kind}.log`);
  if (kind === 'floor') {
    const publishPort = await freePort();
    const child = spawnServer(core, path.join(HERE, '../servers/floor.mjs'), [], { PORT: String(port), PUBLISH_PORT: String(publishPort) }, { ipc: true, logFile });
    await waitHealthy(publishPort, '/health', 10_000, () => child.exitCode === null);
    return { kind, child, pid: child.pid, subPort: port, pubPort: publishPort, token: null };
  }
  if (kind === 'baseline') {
    const child = spawnServer(core, path.join(HERE, '../servers/baseline.mjs'), [], { PORT: String(port) }, { ipc: true, logFile });
    await waitHealthy(port, '/health', 10_000, () => child.exitCode === null);
    return { kind, child, pid: child.pid, subPort: port, pubPort: port, token: null };
  }
  const main = process.env.HUB_BENCH_MAIN || path.join(root, 'dist/apps/sse-hub/main.js');
  if (!fs.existsSync(main)) throw new Error(`${main} not found (build it with: NX_DAEMON=false npx nx build sse-hub)`);
  const token = `bench-${crypto.randomBytes(12).toString('hex')}`;
  const env = {
    NODE_ENV: 'production',
    HUB_PORT: String(port),
    HUB_HOST: '127.0.0.1',
    HUB_AUTH: 'off',
    HUB_PUBLISHER_TOKEN: token,
    HUB_HEARTBEAT_MS: '30000',
    HUB_MAX_BUFFER_BYTES: String(8 * 1024 * 1024),
    HUB_MAX_CONNECTIONS: '1000000',
    HUB_MAX_CONNECTIONS_PER_IP: '1000000',
    ...hubEnv,
  };
  const child = spawnServer(core, main, [], env, { logFile });
  await waitHealthy(port, '/health', 30_000, () => child.exitCode === null);
  return { kind, child, pid: child.pid, subPort: port, pubPort: port, token };
}
