import { z } from 'zod';

/** `{"Pagination":{...}}` on every list response. Loop while `PageNumber < NumberOfPages`. */
export const PaginationSchema = z.object({
  NumberOfItems: z.number().int().nonnegative(),
  PageSize: z.number().int().positive(),
  PageNumber: z.number().int().positive(),
  NumberOfPages: z.number().int().nonnegative(),
});

const quantity = z.number().finite();
const unleashedDate = z.string();

/** One row of `GET /StockOnHand`: one product in one warehouse. */
export const RawStockOnHandSchema = z.looseObject({
  ProductGuid: z.string().optional(),
  ProductCode: z.string().min(1),
  ProductDescription: z.string().nullish(),
  WarehouseCode: z.string().min(1),
  Warehouse: z.string().nullish(),
  QtyOnHand: quantity,
  AllocatedQty: quantity,
  AvailableQty: quantity,
  AvgCost: quantity.nullish(),
  TotalCost: quantity,
  LastModifiedOn: unleashedDate.nullish(),
});

/** One job of `GET /Assemblies`. */
export const RawAssemblySchema = z.looseObject({
  Guid: z.string().min(1),
  AssemblyNumber: z.string().min(1),
  AssemblyDate: unleashedDate.nullish(),
  AssembleBy: unleashedDate.nullish(),
  AssemblyStatus: z.string().min(1),
  Quantity: quantity,
  Product: z.looseObject({ ProductCode: z.string().min(1) }),
  LastModifiedOn: unleashedDate.nullish(),
});

/** A per-warehouse stock-level override of a product (when the account keeps them). */
export const RawWarehouseStockLevelSchema = z.looseObject({
  WarehouseCode: z.string().min(1),
  MinStockAlertLevel: quantity.nullish(),
  ReOrderPoint: quantity.nullish(),
});

/** One product of `GET /Products`, with the stock-level fields the alerts need. */
export const RawProductSchema = z.looseObject({
  Guid: z.string().min(1),
  ProductCode: z.string().min(1),
  ProductDescription: z.string().nullish(),
  MinStockAlertLevel: quantity.nullish(),
  ReOrderPoint: quantity.nullish(),
  InventoryDetails: z.array(RawWarehouseStockLevelSchema).nullish(),
  Obsolete: z.boolean().nullish(),
  LastModifiedOn: unleashedDate.nullish(),
});

export type Pagination = z.infer<typeof PaginationSchema>;
export type RawStockOnHand = z.infer<typeof RawStockOnHandSchema>;
export type RawAssembly = z.infer<typeof RawAssemblySchema>;
export type RawProduct = z.infer<typeof RawProductSchema>;

/** The paginated resources this worker reads, with the shape of their items. */
export const RESOURCES = {
  StockOnHand: RawStockOnHandSchema,
  Assemblies: RawAssemblySchema,
  Products: RawProductSchema,
} as const;

export type Resource = keyof typeof RESOURCES;
export type ItemOf<R extends Resource> = z.infer<(typeof RESOURCES)[R]>;
