import { amazonWorker } from '@ops/integrations/amazon';
import { bootstrapWorker } from '@ops/sync-core';

void bootstrapWorker({ workers: [amazonWorker] });
