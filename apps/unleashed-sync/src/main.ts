import { unleashedWorker } from '@ops/integrations/unleashed';
import { bootstrapWorker } from '@ops/sync-core';

void bootstrapWorker({ workers: [unleashedWorker] });
