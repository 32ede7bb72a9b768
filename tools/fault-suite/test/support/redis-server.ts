import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Redis } from 'ioredis';

/** A redis-server of this suite's own, on a free loopback port; it can be killed and started again. */
export interface OwnRedis {
  readonly port: number;
  readonly url: string;
  /** `kill -9` the server process and wait for it to be gone. */
  kill(): Promise<void>;
  /** Starts the server again on the same port (and the same data directory). */
  start(): Promise<void>;
  /** Stops it for good and removes its data directory. */
  stop(): Promise<void>;
}

export interface OwnRedisOptions {
  /**
   * Append-only file with fsync on every write, as production should run it: a restarted server
   * then still holds the stream. Default off (`--save '' --appendonly no`).
   */
  durable?: boolean;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPing(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      if ((await client.ping()) === 'PONG') return;
    } catch {
      if (Date.now() > deadline) throw new Error(`redis-server at ${url} did not answer within ${timeoutMs} ms`);
    } finally {
      client.disconnect();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const started = new Set<ChildProcess>();

/** Kills every redis-server this suite started that is still running (after a failed assertion). */
export function killOwnRedisServers(): void {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  started.clear();
}

/** Starts `redis-server` on a free port, bound to 127.0.0.1, as a child of this process. */
export async function startOwnRedis(options: OwnRedisOptions = {}): Promise<OwnRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'fault-redis-'));
  const persistence = options.durable
    ? ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir]
    : ['--appendonly', 'no', '--dir', dir];
  let child: ChildProcess | undefined;
  const launch = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    started.add(child);
    await waitForPing(url, 10_000);
  };
  const kill = async () => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
    started.delete(running);
  };
  await launch();
  return {
    port,
    url,
    kill,
    start: launch,
    stop: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether `redis-server` can be run here (checked once per spec file). */
export function redisServerAvailable(): { ok: true } | { ok: false; reason: string } {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error) return { ok: false, reason: probe.error.message };
  return probe.status === 0 ? { ok: true } : { ok: false, reason: probe.stderr.trim() || `exit ${probe.status}` };
}

/**
 * `describe` for scenarios that start their own redis-server. Without one the block fails naming
 * the reason (never skips: these scenarios are the scale-out acceptance).
 */
export function describeWithRedisServer(name: string, body: () => void): void {
  const status = redisServerAvailable();
  if (status.ok) {
    describe(name, body);
    return;
  }
  describe(name, () => {
    it('needs redis-server', () => {
      throw new Error(`redis-server cannot be started: ${status.reason}; install it (Debian package redis-server; .ci/services.sh does)`);
    });
  });
}
