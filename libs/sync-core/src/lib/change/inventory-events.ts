import { createEnvelope, type Envelope, type EventSource } from '@ops/sse-events';

import type { InventoryChange } from './inventory-diff';

/** One `inventory:update` envelope per changed SKU/location, in the order given. */
export function inventoryUpdateEvents(source: EventSource, changes: readonly InventoryChange[]): Envelope<'inventory:update'>[] {
  return changes.map((change) =>
    createEnvelope('inventory:update', source, {
      sku: change.sku,
      location: change.location,
      quantity: change.quantity,
      previousQuantity: change.previousQuantity,
      source: source.system,
    }),
  );
}
