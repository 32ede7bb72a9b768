import { xeroWorker } from '@ops/integrations/xero';
import { bootstrapWorker } from '@ops/sync-core';

void bootstrapWorker({ workers: [xeroWorker] });
