import { createEnvelope, type Envelope } from '@ops/sse-events';

/** A real `inventory:update` (channel `inventory`), as the Unleashed worker publishes it. */
export function inventoryUpdate(sku: string, quantity: number, previousQuantity: number | null = null): Envelope<'inventory:update'> {
  return createEnvelope('inventory:update', { system: 'unleashed', account: 'main', environment: 'sandbox' }, {
    sku,
    quantity,
    previousQuantity,
    location: 'main',
    source: 'unleashed',
  });
}

/** A real `forecast:progress` (channels `forecast` and `job:{jobId}`). */
export function forecastProgress(jobId: string, progress: number): Envelope<'forecast:progress'> {
  return createEnvelope('forecast:progress', { system: 'forecast', account: 'main', environment: 'sandbox' }, { jobId, stage: 'fitting', progress });
}
