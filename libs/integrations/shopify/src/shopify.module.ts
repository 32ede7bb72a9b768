import { type DynamicModule, Inject, Injectable, Logger, Module, type OnModuleInit } from '@nestjs/common';

import type { Database } from '@ops/store';
import { DATABASE, type RunOptions, type RunResult, SyncRunner, SyncScheduler } from '@ops/sync-core';

import { readShopifyConfig } from './config/shopify.config';
import { createShopifyClients } from './shopify-clients';
import { ShopifySync } from './shopify.sync';

/** Schedules the Shopify sync when stores are configured; says so plainly when they are not. */
@Injectable()
export class ShopifySyncService implements OnModuleInit {
  private readonly logger = new Logger(ShopifySyncService.name);
  private readonly config = readShopifyConfig();
  private job?: ShopifySync;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly runner: SyncRunner,
    private readonly scheduler: SyncScheduler,
  ) {}

  onModuleInit(): void {
    if (!this.config) {
      this.logger.warn('Shopify is not configured (SHOPIFY_STORES is empty): no Shopify sync will run');
      return;
    }
    this.job = new ShopifySync(this.config, createShopifyClients(this.config, this.database));
    this.scheduler.schedule(this.job, this.config.cron);
  }

  /** One run now, outside the schedule (the `npm run sync -- shopify` command). */
  async runOnce(options: RunOptions = {}): Promise<RunResult | 'not configured'> {
    return this.job ? this.runner.run(this.job, options) : 'not configured';
  }
}

/** The multistore Shopify worker. Needs `SyncWorkerModule.forRoot()` in the same application. */
@Module({})
export class ShopifyModule {
  static forRoot(): DynamicModule {
    return { module: ShopifyModule, providers: [ShopifySyncService], exports: [ShopifySyncService] };
  }
}
