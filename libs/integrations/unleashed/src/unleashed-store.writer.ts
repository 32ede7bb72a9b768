import {
  clearStockOnHand,
  type Executor,
  listAssemblyJobs,
  listProductStockLevels,
  listStockOnHand,
  replaceInventorySnapshot,
  upsertAssemblyJobs,
  upsertProductStockLevels,
  upsertStockOnHand,
} from '@ops/store';
import { changesToAnnounce, diffInventory, type InventoryChange } from '@ops/sync-core';

import { assemblyStatus, type AssemblyJobLine } from './mapping/assembly.mapper';
import type { ProductStockLevels } from './mapping/product-levels.mapper';
import type { StockOnHandLine } from './mapping/stock-on-hand.mapper';
import type { UnleashedChanges } from './unleashed-fetch';

export const INTEGRATION = 'unleashed';

/** Everything stored for the account after a run's changes are written. */
export interface StoredState {
  products: ProductStockLevels[];
  stock: StockOnHandLine[];
  assemblies: AssemblyJobLine[];
  /** SKU/warehouse pairs whose quantity on hand differs from the previous snapshot. */
  inventoryChanges: InventoryChange[];
}

/**
 * Writes one run's changes in `tx` (a full run first drops the stock lines, so lines Unleashed no
 * longer lists go), replaces the inventory snapshot with the quantity on hand of every stored
 * line, and reads the whole account back for the figures.
 */
export async function writeChanges(tx: Executor, accountId: string, changes: UnleashedChanges, full: boolean, observedAt: Date): Promise<StoredState> {
  const own = { integration: INTEGRATION, accountId };
  await upsertProductStockLevels(
    tx,
    changes.products.map((p) => ({
      ...own,
      productCode: p.productCode,
      reorderPoint: p.reorderPoint,
      minStockAlertLevel: p.minStockAlertLevel,
      warehouses: p.warehouses,
      obsolete: p.obsolete,
    })),
  );
  if (full) await clearStockOnHand(tx, INTEGRATION, accountId);
  await upsertStockOnHand(
    tx,
    changes.stock.map((s) => ({
      ...own,
      productCode: s.productCode,
      warehouseCode: s.warehouseCode,
      productDescription: s.productDescription,
      onHand: s.onHand,
      allocated: s.allocated,
      available: s.available,
      value: s.value,
      sourceModifiedAt: s.lastModifiedOn,
    })),
  );
  await upsertAssemblyJobs(
    tx,
    changes.assemblies.map((a) => ({
      ...own,
      externalId: a.externalId,
      jobNumber: a.assemblyNumber,
      status: a.status,
      productCode: a.productCode,
      quantity: a.quantity,
      dueDate: a.dueDate,
    })),
  );
  const stock = (await listStockOnHand(tx, INTEGRATION, accountId)).map(
    (s): StockOnHandLine => ({
      productCode: s.productCode,
      productDescription: s.productDescription,
      warehouseCode: s.warehouseCode,
      onHand: s.onHand,
      allocated: s.allocated,
      available: s.available,
      value: s.value,
      lastModifiedOn: s.sourceModifiedAt,
    }),
  );
  const levels = stock.map((s) => ({ sku: s.productCode, location: s.warehouseCode, quantity: s.onHand, observedAt }));
  const previous = await replaceInventorySnapshot(tx, INTEGRATION, accountId, levels);
  const inventoryChanges = changesToAnnounce(
    previous,
    diffInventory(
      previous.map((l) => ({ sku: l.sku, location: l.location, quantity: Number(l.quantity) })),
      levels.map((l) => ({ sku: l.sku, location: l.location, quantity: Number(l.quantity) })),
    ),
  );
  const products = (await listProductStockLevels(tx, INTEGRATION, accountId)).map(
    (p): ProductStockLevels => ({
      productCode: p.productCode,
      obsolete: p.obsolete,
      reorderPoint: p.reorderPoint,
      minStockAlertLevel: p.minStockAlertLevel,
      warehouses: p.warehouses,
    }),
  );
  const assemblies = (await listAssemblyJobs(tx, INTEGRATION, accountId)).map(
    (j): AssemblyJobLine => ({
      externalId: j.externalId,
      assemblyNumber: j.jobNumber ?? j.externalId,
      status: assemblyStatus(j.status),
      productCode: j.productCode,
      quantity: j.quantity,
      dueDate: j.dueDate,
    }),
  );
  return { products, stock, assemblies, inventoryChanges };
}
