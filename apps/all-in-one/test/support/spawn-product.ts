import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The built all-in-one process; the project's `test` target builds it first. */
export const PRODUCT_MAIN = join(__dirname, '../../../../dist/apps/all-in-one/main.js');

export interface RunningProduct {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code, or the signal name if a signal ended the process. */
  exited: Promise<number | string | null>;
}

const WORKSPACE = join(__dirname, '../../..');

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | string | null> };

function start(args: string[], env: Record<string, string>): Started {
  if (!existsSync(PRODUCT_MAIN)) throw new Error(`${PRODUCT_MAIN} is missing: run npx nx build all-in-one first`);
  return watch(
    spawn(process.execPath, [PRODUCT_MAIN, ...args], {
      env: { PATH: process.env['PATH'] ?? '', HUB_PORT: '0', HUB_AUTH: 'off', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

const spawned = new Set<ChildProcess>();
const groups = new WeakSet<ChildProcess>();

/** Kills every process these helpers started that is still running (after a failed assertion). */
export function killLeftovers(): void {
  for (const child of spawned) {
    // `npm start` runs in its own process group: its children go too.
    if (child.pid && groups.has(child)) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // the group is gone already
      }
    } else if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  spawned.clear();
}

function watch(child: ChildProcess): Started {
  spawned.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return { child, output: () => output, exited };
}

/** Starts the product on an ephemeral port and waits for its listening log line. */
export function spawnProduct(env: Record<string, string>): Promise<RunningProduct> {
  return listening(start([], env), 30_000);
}

/**
 * `npm start` from the workspace root, as the README says (it builds, then runs the product in its
 * local development mode), on an ephemeral port.
 */
export function spawnNpmStart(env: Record<string, string>): Promise<RunningProduct> {
  // Not the test runner's own Nx task variables, nor any hub setting: `npm start` decides the mode.
  const inherited = Object.entries(process.env).filter(
    ([name]) => !/^(NX_TASK|NX_TERMINAL|NX_WORKSPACE_ROOT|HUB_)/.test(name) || /^NX_(DAEMON|NO_CLOUD|SKIP_NX_CACHE)$/.test(name),
  );
  const child = spawn('npm', ['start'], {
    cwd: WORKSPACE,
    env: { ...Object.fromEntries(inherited), HUB_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  groups.add(child);
  return listening(watch(child), 120_000);
}

async function listening({ child, output, exited }: Started, timeoutMs: number): Promise<RunningProduct> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = /"url":"(http:\/\/[^"]+)"/.exec(output());
    if (match) return { url: match[1], child, output, exited };
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`all-in-one did not start:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Runs `main.js <args>` to its end; returns the exit code and everything it printed. */
export async function runToExit(args: string[], env: Record<string, string> = {}): Promise<{ code: number | string | null; output: string }> {
  const { output, exited } = start(args, env);
  const code = await exited;
  return { code, output: output() };
}

/** Sends SIGTERM and measures how long the process takes to exit. */
export async function terminate(product: RunningProduct): Promise<{ code: number | string | null; ms: number }> {
  const started = Date.now();
  product.child.kill('SIGTERM');
  const code = await product.exited;
  return { code, ms: Date.now() - started };
}
