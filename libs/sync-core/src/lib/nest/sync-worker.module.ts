import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';

import { type EventPublisher, HttpPublisher } from '@ops/sse-events';
import { RedisPublisher } from '@ops/sse-events/redis';
import { type CredentialSealer, type Database, openDatabase } from '@ops/store';

import { readEnvironment, readWorkerConfig, type WorkerConfig } from '../config/worker.config';
import { createCredentialSealer } from '../credentials/credential-keys';
import type { WorkerDefinition } from '../registry/worker-definition';
import { OutboxRelay } from '../outbox/outbox-relay';
import { SyncRunner } from '../runner/sync-runner';
import { IntegrationsController } from './integrations.controller';
import { IntegrationWorkers } from './integration-workers';
import { SyncScheduler } from './sync-scheduler';
import {
  CREDENTIAL_SEALER,
  DATABASE,
  EVENT_PUBLISHER,
  WORKER_CONFIG,
  WORKER_DEFINITIONS,
  WORKER_ENVIRONMENT,
  WORKER_SCHEDULING,
} from './sync-worker.tokens';
import { WorkerLifecycle } from './worker-lifecycle';

export interface SyncWorkerOptions {
  /** The integrations this process hosts (the registry, or one of its entries). */
  workers: readonly WorkerDefinition[];
  /** A daemon schedules its workers and syncs due ones at start-up; a one-shot process does not. Default true. */
  schedule?: boolean;
  /** Folder with the store migrations, for bundled apps (they copy it next to main.js). */
  migrationsDir?: string;
  /** An in-process publisher (the all-in-one run); otherwise Redis from `REDIS_URL`, or the hub over HTTP from `HUB_URL`. */
  publisher?: EventPublisher;
}

/**
 * The runtime every sync worker shares: configuration, the store (migrated on start), the
 * publisher, the outbox relay, the runner, the cron scheduler, the hosted workers and
 * `GET /api/integrations` (served when the application has an HTTP server).
 */
@Module({})
export class SyncWorkerModule {
  static forRoot(options: SyncWorkerOptions): DynamicModule {
    return {
      module: SyncWorkerModule,
      global: true,
      imports: [ScheduleModule.forRoot()],
      controllers: [IntegrationsController],
      providers: [
        { provide: WORKER_DEFINITIONS, useValue: options.workers },
        { provide: WORKER_ENVIRONMENT, useFactory: readEnvironment },
        { provide: WORKER_SCHEDULING, useValue: options.schedule ?? true },
        { provide: WORKER_CONFIG, useFactory: () => readWorkerConfig() },
        {
          provide: DATABASE,
          inject: [WORKER_CONFIG],
          useFactory: (config: WorkerConfig) =>
            openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, migrationsDir: options.migrationsDir }),
        },
        {
          provide: CREDENTIAL_SEALER,
          inject: [WORKER_CONFIG],
          useFactory: (config: WorkerConfig): CredentialSealer => createCredentialSealer(config.credentials, new Logger('Credentials')),
        },
        {
          provide: EVENT_PUBLISHER,
          inject: [WORKER_CONFIG],
          useFactory: (config: WorkerConfig): EventPublisher | undefined =>
            options.publisher ??
            (config.redis ? new RedisPublisher(config.redis) : undefined) ??
            (config.hub ? new HttpPublisher({ hubUrl: config.hub.url, token: config.hub.token }) : undefined),
        },
        {
          provide: OutboxRelay,
          inject: [DATABASE, EVENT_PUBLISHER],
          useFactory: (database: Database, publisher: EventPublisher | undefined) => {
            if (!publisher) {
              new Logger('OutboxRelay').warn('neither REDIS_URL nor HUB_URL is set: events wait in the outbox until one is configured');
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
        IntegrationWorkers,
        WorkerLifecycle,
      ],
      exports: [WORKER_CONFIG, DATABASE, CREDENTIAL_SEALER, EVENT_PUBLISHER, OutboxRelay, SyncRunner, SyncScheduler, IntegrationWorkers],
    };
  }
}
