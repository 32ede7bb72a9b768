import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The built hub; the project's `test` target builds it first. */
export const HUB_MAIN = join(
  __dirname,
  '../../../../dist/apps/sse-hub/main.js',
);

export interface RunningHub {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code, or the signal name if a signal ended the process. */
  exited: Promise<number | string | null>;
}

/** Starts `node dist/apps/sse-hub/main.js` on an ephemeral port and waits for its listening log line. */
export function spawnHub(env: Record<string, string>): Promise<RunningHub> {
  if (!existsSync(HUB_MAIN))
    throw new Error(`${HUB_MAIN} is missing: run npx nx build sse-hub first`);
  const child = spawn(process.execPath, [HUB_MAIN], {
    env: { PATH: process.env['PATH'] ?? '', HUB_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`hub did not start:\n${output}`)),
      15_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], child, output: () => output, exited });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`hub exited before listening:\n${output}`));
    });
  });
}

/** Runs the hub expecting it to refuse to start; returns its exit code and everything it printed. */
export function runHubToExit(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [HUB_MAIN], {
    env: { PATH: process.env['PATH'] ?? '', HUB_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) =>
    child.once('exit', (code) => resolve({ code, output })),
  );
}
