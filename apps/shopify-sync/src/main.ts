import { ShopifySyncService } from '@ops/integrations/shopify';
import { bootstrapWorker } from '@ops/sync-core';

import { AppModule } from './app.module';

void bootstrapWorker(AppModule, (app, options) => app.get(ShopifySyncService).runOnce(options));
