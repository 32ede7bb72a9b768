import { Inject, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { EventPublisher } from '@ops/sse-events';
import type { Database } from '@ops/store';
import { DATABASE, EVENT_PUBLISHER, OutboxRelay, readEnvironment, SyncRunner } from '@ops/sync-core';

import { ForecastJobEngine } from '../forecast-job.engine';
import { readForecastConfig } from '../forecast-jobs.config';
import { ForecastJobsController } from './forecast-jobs.controller';

/**
 * The forecast jobs API over the worker runtime (import it next to `SyncWorkerModule`, whose
 * store, publisher and outbox relay it uses). Progress goes straight to the process's publisher.
 */
@Module({
  controllers: [ForecastJobsController],
  providers: [
    {
      provide: ForecastJobEngine,
      inject: [DATABASE, EVENT_PUBLISHER, OutboxRelay, SyncRunner],
      useFactory: (
        database: Database,
        publisher: EventPublisher | undefined,
        relay: OutboxRelay | undefined,
        runner: SyncRunner,
      ) => {
        const logger = new Logger('ForecastJobs');
        return new ForecastJobEngine({
          database,
          config: readForecastConfig(readEnvironment()),
          ...(publisher ? { publisher } : {}),
          ...(relay ? { relay } : {}),
          shutdownSignal: runner.shutdownSignal,
          log: (message) => logger.log(message),
        });
      },
    },
  ],
})
export class ForecastJobsModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ForecastJobsModule.name);

  constructor(@Inject(ForecastJobEngine) private readonly engine: ForecastJobEngine) {}

  async onModuleInit(): Promise<void> {
    const reclaimed = await this.engine.reclaimAbandoned();
    if (reclaimed > 0) this.logger.warn(`${reclaimed} forecast job(s) left by a stopped process marked failed (abandoned)`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.engine.stop();
  }
}
