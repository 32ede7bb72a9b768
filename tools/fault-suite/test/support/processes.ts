import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const DIST = join(__dirname, '../../../../dist/apps');
/** The built hub and Shopify worker; the project's `test` target builds both first. */
export const HUB_MAIN = join(DIST, 'sse-hub/main.js');
export const SHOPIFY_WORKER_MAIN = join(DIST, 'shopify-sync/main.js');

export const PUBLISHER_TOKEN = 'fault-publisher-token-0123456789';
export const ADMIN_TOKEN = 'fault-admin-token-0123456789';
export const JWT_SECRET = 'fault-jwt-secret-0123456789abcdefghijklmnopqrstuvwxyz';

export interface RunningProcess {
  readonly child: ChildProcess;
  output(): string;
  /** Resolves with the exit code, or the signal name. */
  readonly exited: Promise<number | string | null>;
}

export interface RunningHub extends RunningProcess {
  readonly url: string;
}

const spawned = new Set<ChildProcess>();

/** Kills every process these helpers started that is still running (after a failed assertion). */
export function killLeftoverProcesses(): void {
  for (const child of spawned) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  spawned.clear();
}

export function startProcess(main: string, env: Record<string, string>, args: string[] = []): RunningProcess {
  if (!existsSync(main)) throw new Error(`${main} is missing: build it first (NX_DAEMON=false npx nx build <app>)`);
  const child = spawn(process.execPath, [main, ...args], {
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawned.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return { child, output: () => output, exited };
}

/** Starts one hub replica (auth on, test tokens) on an ephemeral port; resolves once it listens. */
export async function startHubReplica(env: Record<string, string>): Promise<RunningHub> {
  const running = startProcess(HUB_MAIN, {
    HUB_PORT: '0',
    HUB_PUBLISHER_TOKEN: PUBLISHER_TOKEN,
    HUB_ADMIN_TOKEN: ADMIN_TOKEN,
    HUB_JWT_SECRET: JWT_SECRET,
    ...env,
  });
  const deadline = Date.now() + 20_000;
  for (;;) {
    const match = /"url":"(http:\/\/[^"]+)"/.exec(running.output());
    if (match) return { ...running, url: match[1] };
    if (running.child.exitCode !== null || Date.now() > deadline) throw new Error(`hub did not start:\n${running.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** `kill -9`, resolved once the process is gone. */
export async function killHard(running: RunningProcess): Promise<void> {
  if (running.child.exitCode !== null || running.child.signalCode !== null) return;
  running.child.kill('SIGKILL');
  await running.exited;
}
