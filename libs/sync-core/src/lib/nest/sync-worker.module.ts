import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';

import { type EventPublisher, HttpPublisher } from '@ops/sse-events';
import { type Database, openDatabase } from '@ops/store';

import { readWorkerConfig, type WorkerConfig } from '../config/worker.config';
import { OutboxRelay } from '../outbox/outbox-relay';
import { SyncRunner } from '../runner/sync-runner';
import { SyncScheduler } from './sync-scheduler';
import { DATABASE, EVENT_PUBLISHER, WORKER_CONFIG } from './sync-worker.tokens';
import { WorkerLifecycle } from './worker-lifecycle';

export interface SyncWorkerOptions {
  /** Folder with the store migrations, for bundled apps (they copy it next to main.js). */
  migrationsDir?: string;
  /** An in-process publisher (the all-in-one run); otherwise the hub over HTTP from `HUB_URL`. */
  publisher?: EventPublisher;
}

/**
 * The runtime every sync worker shares: configuration, the store (migrated on start), the
 * publisher, the outbox relay, the runner and the cron scheduler.
 */
@Module({})
export class SyncWorkerModule {
  static forRoot(options: SyncWorkerOptions = {}): DynamicModule {
    return {
      module: SyncWorkerModule,
      global: true,
      imports: [ScheduleModule.forRoot()],
      providers: [
        { provide: WORKER_CONFIG, useFactory: () => readWorkerConfig() },
        {
          provide: DATABASE,
          inject: [WORKER_CONFIG],
          useFactory: (config: WorkerConfig) =>
            openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, migrationsDir: options.migrationsDir }),
        },
        {
          provide: EVENT_PUBLISHER,
          inject: [WORKER_CONFIG],
          useFactory: (config: WorkerConfig): EventPublisher | undefined =>
            options.publisher ?? (config.hub ? new HttpPublisher({ hubUrl: config.hub.url, token: config.hub.token }) : undefined),
        },
        {
          provide: OutboxRelay,
          inject: [DATABASE, EVENT_PUBLISHER],
          useFactory: (database: Database, publisher: EventPublisher | undefined) => {
            if (!publisher) {
              new Logger('OutboxRelay').warn('HUB_URL is not set: events wait in the outbox until a hub is configured');
              return undefined;
            }
            const logger = new Logger('OutboxRelay');
            return new OutboxRelay(database, publisher, { onError: (message) => logger.warn(message) });
          },
        },
        {
          provide: SyncRunner,
          inject: [DATABASE, OutboxRelay],
          useFactory: (database: Database, relay: OutboxRelay | undefined) => new SyncRunner(database, relay),
        },
        SyncScheduler,
        WorkerLifecycle,
      ],
      exports: [WORKER_CONFIG, DATABASE, EVENT_PUBLISHER, OutboxRelay, SyncRunner, SyncScheduler],
    };
  }
}
