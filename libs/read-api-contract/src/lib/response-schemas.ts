import type { z } from 'zod';

import { ForecastJobResponseSchema } from './forecast-jobs.schema';
import { ForecastsResponseSchema } from './forecasts.schema';
import { IntegrationsResponseSchema } from './integrations.schema';
import { InventoryResponseSchema } from './inventory.schema';
import { ProductionResponseSchema } from './production.schema';
import type { ReadResource } from './resources';
import { SalesResponseSchema } from './sales.schema';
import { WorkingCapitalResponseSchema } from './working-capital.schema';

/** The schema of each resource's `GET` response (`forecast-jobs`: `GET /api/forecast-jobs/{jobId}`). */
export const READ_RESPONSE_SCHEMAS = {
  integrations: IntegrationsResponseSchema,
  sales: SalesResponseSchema,
  'working-capital': WorkingCapitalResponseSchema,
  inventory: InventoryResponseSchema,
  production: ProductionResponseSchema,
  forecasts: ForecastsResponseSchema,
  'forecast-jobs': ForecastJobResponseSchema,
} as const satisfies { readonly [R in ReadResource]: z.ZodType };

export type ReadResponse<R extends ReadResource> = z.infer<(typeof READ_RESPONSE_SCHEMAS)[R]>;
