import { ConsoleLogger, type INestApplicationContext, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import type { RunOptions, RunResult } from '../runner/sync-runner';

export type RunOnce = (app: INestApplicationContext, options: RunOptions) => Promise<RunResult | 'not configured'>;

/**
 * Starts a worker process. By default it runs on its schedules until SIGTERM, logging JSON.
 * With `--once` it runs one sync now (`--full` ignores stored cursors), prints progress lines to
 * the terminal, closes cleanly and exits 0 when the run succeeded, 1 otherwise.
 */
export async function bootstrapWorker(rootModule: Type<unknown>, runOnce: RunOnce, argv: string[] = process.argv): Promise<void> {
  const once = argv.includes('--once');
  const app = await NestFactory.createApplicationContext(rootModule, {
    logger: once ? ['warn', 'error'] : new ConsoleLogger({ json: true }),
  });
  if (!once) {
    app.enableShutdownHooks();
    return;
  }
  const started = Date.now();
  const result = await runOnce(app, {
    full: argv.includes('--full'),
    progress: (line) => process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${line}\n`),
  });
  await app.close();
  if (result === 'not configured') {
    process.stdout.write('not configured: see the README for the variables this integration needs\n');
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exitCode = result.status === 'succeeded' ? 0 : 1;
}
