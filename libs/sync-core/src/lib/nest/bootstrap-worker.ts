import { type DynamicModule, type INestApplicationContext, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type LogLevel, LoggingModule, useAppLogger } from '@ops/logging';

import { readWorkerConfig } from '../config/worker.config';
import type { WorkerDefinition } from '../registry/worker-definition';
import { IntegrationWorkers } from './integration-workers';
import { SyncWorkerModule } from './sync-worker.module';

export interface WorkerProcessOptions {
  /** The integrations this process hosts. */
  workers: readonly WorkerDefinition[];
  /** Folder with the store migrations, for bundled apps. */
  migrationsDir?: string;
}

/** The worker runtime with the process logger (pino, credentials redacted). */
@Module({})
class WorkerProcessModule {
  static forRoot(options: WorkerProcessOptions, schedule: boolean, level?: LogLevel): DynamicModule {
    const service = options.workers.length === 1 ? `${options.workers[0].integration}-sync` : 'sync';
    return {
      module: WorkerProcessModule,
      imports: [
        LoggingModule.forRoot({ service, ...(level ? { level } : {}) }),
        SyncWorkerModule.forRoot({ workers: options.workers, migrationsDir: options.migrationsDir, schedule }),
      ],
    };
  }
}

/** The worker runtime as a Nest application context (no HTTP); `schedule: false` for one-shot commands. */
export async function createWorkerContext(options: WorkerProcessOptions, schedule: boolean, level?: LogLevel): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerProcessModule.forRoot(options, schedule, level), { bufferLogs: true });
  useAppLogger(app);
  return app;
}

const usage = (workers: readonly WorkerDefinition[]) =>
  `usage: npm run sync -- <integration> [--full]\nintegrations: ${workers.map((w) => w.integration).join(', ')}\n`;

/**
 * Runs one sync now and sets the exit code: 0 when it succeeded, 1 otherwise (failed, partial,
 * interrupted, skipped, not configured), 2 for an unknown integration or no name where several
 * are hosted (the message lists the registered names). `args`: `[<integration>] [--full]`, or
 * `--help`. Progress lines go to stdout, then the result as one JSON line.
 */
export async function runSyncCommand(options: WorkerProcessOptions, args: readonly string[]): Promise<void> {
  const { workers } = options;
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(usage(workers));
    return;
  }
  const names = args.filter((arg) => !arg.startsWith('--'));
  const name = names[0] ?? (workers.length === 1 ? workers[0].integration : undefined);
  if (!name || names.length > 1 || !workers.some((w) => w.integration === name)) {
    process.stderr.write(`${name ? `unknown integration: ${names.join(' ')}\n` : ''}${usage(workers)}`);
    process.exitCode = 2;
    return;
  }
  // Progress lines are this command's output; the log shows only warnings and errors.
  const app = await createWorkerContext(options, false, 'warn');
  const started = Date.now();
  const stopOnSignal = () => void app.get(IntegrationWorkers).stop(0);
  process.once('SIGTERM', stopOnSignal).once('SIGINT', stopOnSignal);
  const workersService = app.get(IntegrationWorkers);
  const result = await workersService.runOnce(name, {
    full: args.includes('--full'),
    progress: (line) => process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${line}\n`),
  });
  const reason = workersService.notConfiguredReason(name);
  await app.close();
  if (result === 'not configured' || result === 'unknown') {
    process.stdout.write(`${name} is not configured: ${reason ?? 'unknown integration'} (see the README for its variables)\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exitCode = result.status === 'succeeded' ? 0 : 1;
}

/**
 * On SIGTERM or SIGINT: stops scheduling, lets running syncs stop at a page boundary (recorded
 * `interrupted`), drains the outbox for up to `SHUTDOWN_GRACE_MS`, closes the application (the
 * hub's streams too, where there is one) and exits 0. A second signal, or a stop that hangs 10 s
 * past the grace period, exits 1 at once.
 */
export function exitGracefullyOnSignal(app: INestApplicationContext, graceMs = readWorkerConfig().shutdownGraceMs): void {
  const logger = new Logger('Shutdown');
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.log(`${signal}: stopping (grace ${graceMs} ms)`);
    setTimeout(() => {
      logger.error('shutdown did not finish in time');
      process.exit(1);
    }, graceMs + 10_000).unref();
    void (async () => {
      const left = await app.get(IntegrationWorkers).stop(graceMs);
      if (left > 0) logger.warn(`${left} event(s) still in the outbox: they are published on the next start`);
      await app.close();
      logger.log('stopped');
      process.exit(0);
    })().catch((error: Error) => {
      logger.error(`shutdown failed: ${error.message}`);
      process.exit(1);
    });
  };
  process.on('SIGTERM', onSignal).on('SIGINT', onSignal);
}

/**
 * A standalone worker process: `--once [--full]` (or `--help`) runs one sync now (see
 * {@link runSyncCommand}); otherwise it runs its workers on their schedules, logging JSON, until
 * SIGTERM (see {@link exitGracefullyOnSignal}).
 */
export async function bootstrapWorker(options: WorkerProcessOptions, argv: string[] = process.argv): Promise<void> {
  const args = argv.slice(2);
  if (args.includes('--once') || args.includes('--help')) {
    await runSyncCommand(options, args.filter((arg) => arg !== '--once'));
    return;
  }
  const app = await createWorkerContext(options, true);
  exitGracefullyOnSignal(app);
}
