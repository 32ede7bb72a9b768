import { type DynamicModule, Module } from '@nestjs/common';
import { type HubConfig, HubModule } from '@ops/hub';
import { LoggingModule } from '@ops/logging';

/** Root module of the sse-hub app: the hub library and the process logger. */
@Module({})
export class AppModule {
  static forRoot(config: HubConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggingModule.forRoot({ service: 'sse-hub' }),
        HubModule.forRoot(config),
      ],
    };
  }
}
