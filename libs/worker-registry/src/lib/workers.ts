import { forecastWorker } from '@ops/forecasting';
import { amazonWorker } from '@ops/integrations/amazon';
import { shopifyWorker } from '@ops/integrations/shopify';
import { unleashedWorker } from '@ops/integrations/unleashed';
import { xeroWorker } from '@ops/integrations/xero';
import type { WorkerDefinition } from '@ops/sync-core';

/**
 * Every integration the product knows, in the order it lists them. Adding an integration is
 * writing its lib and one line here; `npm run sync`, `npm start` and `GET /api/integrations` read
 * this list.
 */
export const WORKERS: readonly WorkerDefinition[] = [shopifyWorker, amazonWorker, unleashedWorker, xeroWorker, forecastWorker];
