import { shopifyWorker } from '@ops/integrations/shopify';
import { bootstrapWorker } from '@ops/sync-core';

void bootstrapWorker({ workers: [shopifyWorker] });
