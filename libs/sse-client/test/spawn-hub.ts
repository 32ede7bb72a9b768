import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The built hub; the project's `test` target builds it first (`npx nx build sse-hub`). */
export const HUB_MAIN = join(__dirname, '../../../dist/apps/sse-hub/main.js');

export const PUBLISHER_TOKEN = 'publisher-token-0123456789';
export const ADMIN_TOKEN = 'admin-token-0123456789abcdef';
export const JWT_SECRET = 'jwt-secret-0123456789abcdefghijklmnopqrstuvwxyz';

/** Auth on, with the secrets above. */
export const AUTH_ON = { HUB_AUTH: 'on', HUB_PUBLISHER_TOKEN: PUBLISHER_TOKEN, HUB_ADMIN_TOKEN: ADMIN_TOKEN, HUB_JWT_SECRET: JWT_SECRET };

export interface RunningHub {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  output(): string;
  /** SIGKILLs the process (no shutdown frame, connections reset) and waits until it is gone. */
  kill(): Promise<void>;
}

/** Starts `node dist/apps/sse-hub/main.js` (port 0 unless `HUB_PORT` is given) and waits for its listening log line. */
export function spawnHub(env: Record<string, string>): Promise<RunningHub> {
  if (!existsSync(HUB_MAIN)) throw new Error(`${HUB_MAIN} is missing: run NX_DAEMON=false npx nx build sse-hub first`);
  const child = spawn(process.execPath, [HUB_MAIN], {
    env: { PATH: process.env['PATH'] ?? '', HUB_PORT: '0', HUB_HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void kill();
      reject(new Error(`hub did not start:\n${output}`));
    }, 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], port: Number(new URL(match[1]).port), child, output: () => output, kill });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`hub exited before listening:\n${output}`));
    });
  });
}

/** POSTs envelopes to the hub's ingest endpoint as a worker would; throws unless all were accepted. */
export async function publish(hubUrl: string, envelopes: readonly unknown[], token = PUBLISHER_TOKEN): Promise<void> {
  const response = await fetch(`${hubUrl}/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(envelopes),
  });
  const body = (await response.json()) as { accepted?: number };
  if (response.status !== 202 || body.accepted !== envelopes.length) {
    throw new Error(`publish failed: ${response.status} ${JSON.stringify(body)}`);
  }
}
