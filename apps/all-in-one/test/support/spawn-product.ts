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

function start(args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | string | null> } {
  if (!existsSync(PRODUCT_MAIN)) throw new Error(`${PRODUCT_MAIN} is missing: run npx nx build all-in-one first`);
  const child = spawn(process.execPath, [PRODUCT_MAIN, ...args], {
    env: { PATH: process.env['PATH'] ?? '', HUB_PORT: '0', HUB_AUTH: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return { child, output: () => output, exited };
}

/** Starts the product on an ephemeral port and waits for its listening log line. */
export async function spawnProduct(env: Record<string, string>): Promise<RunningProduct> {
  const { child, output, exited } = start([], env);
  const deadline = Date.now() + 30_000;
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
