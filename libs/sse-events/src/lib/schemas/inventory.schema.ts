import { z } from 'zod';

import { IdentifierSchema, SystemSchema } from './common.schema';

/** `previousQuantity` is `null` the first time a SKU is seen at a location. */
export const InventoryUpdateSchema = z.strictObject({
  sku: IdentifierSchema,
  quantity: z.number().finite(),
  previousQuantity: z.number().finite().nullable(),
  location: IdentifierSchema,
  source: SystemSchema,
});
