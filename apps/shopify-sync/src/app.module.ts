import { Module } from '@nestjs/common';

import { ShopifyModule } from '@ops/integrations/shopify';
import { SyncWorkerModule } from '@ops/sync-core';

@Module({
  imports: [SyncWorkerModule.forRoot(), ShopifyModule.forRoot()],
})
export class AppModule {}
