import { type DynamicModule, Module } from '@nestjs/common';
import { ForecastJobsModule } from '@ops/forecasting';
import { type HubConfig, HubModule } from '@ops/hub';
import { LoggingModule } from '@ops/logging';
import { ReadApiModule } from '@ops/read-api';
import type { EventPublisher } from '@ops/sse-events';
import { SyncWorkerModule } from '@ops/sync-core';
import { WORKERS } from '@ops/worker-registry';

/** The hub and every registered worker in one process; workers publish to the hub in memory. */
@Module({})
export class AllInOneModule {
  static forRoot(hubConfig: HubConfig, publisher: EventPublisher): DynamicModule {
    return {
      module: AllInOneModule,
      imports: [
        LoggingModule.forRoot({ service: 'all-in-one' }),
        HubModule.forRoot(hubConfig),
        SyncWorkerModule.forRoot({ workers: WORKERS, publisher }),
        ForecastJobsModule,
        ReadApiModule,
      ],
    };
  }
}
