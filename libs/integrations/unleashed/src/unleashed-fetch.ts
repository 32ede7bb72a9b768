import type { Filters, UnleashedClient } from './client/unleashed.client';
import { type AssemblyJobLine, mapAssembly } from './mapping/assembly.mapper';
import { mapProductLevels, type ProductStockLevels } from './mapping/product-levels.mapper';
import { mapStockOnHand, type StockOnHandLine } from './mapping/stock-on-hand.mapper';

/** What one run read from Unleashed, mapped: everything, or what changed since the cursor. */
export interface UnleashedChanges {
  products: ProductStockLevels[];
  stock: StockOnHandLine[];
  assemblies: AssemblyJobLine[];
}

/**
 * Reads every page of Products, StockOnHand and Assemblies (`modifiedSince` when given), each
 * page validated and mapped as it arrives. `signal` stops it between pages.
 */
export async function fetchUnleashedChanges(
  client: UnleashedClient,
  filters: { modifiedSince?: string; pageSize: number },
  signal: AbortSignal,
  progress: (message: string) => void,
): Promise<UnleashedChanges> {
  const query: Filters = { modifiedSince: filters.modifiedSince, pageSize: filters.pageSize };
  const products: ProductStockLevels[] = [];
  for await (const page of client.pages('Products', query)) {
    products.push(...page.map(mapProductLevels));
    signal.throwIfAborted();
  }
  const stock: StockOnHandLine[] = [];
  for await (const page of client.pages('StockOnHand', query)) {
    stock.push(...page.map(mapStockOnHand));
    signal.throwIfAborted();
  }
  const assemblies: AssemblyJobLine[] = [];
  for await (const page of client.pages('Assemblies', query)) {
    assemblies.push(...page.map(mapAssembly));
    signal.throwIfAborted();
  }
  progress(`unleashed: ${products.length} products, ${stock.length} stock lines, ${assemblies.length} assemblies read`);
  return { products, stock, assemblies };
}
