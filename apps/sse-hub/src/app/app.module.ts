import { type DynamicModule, Module } from '@nestjs/common';
import { type HubConfig, HubModule } from '@ops/hub';

/** Root module of the sse-hub app: the hub library and nothing else. */
@Module({})
export class AppModule {
  static forRoot(config: HubConfig): DynamicModule {
    return { module: AppModule, imports: [HubModule.forRoot(config)] };
  }
}
