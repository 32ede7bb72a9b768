import { hashString, intBetween, mixSeed, mulberry32, stableHex } from '../common/prng';

/**
 * The sandbox's Unleashed organisation. Quantities are whole quarters (`onHandQ: 10` is 2.5
 * units) and money whole cents, so the JSON numbers the API writes are exact and the expected
 * figures can be computed in integers.
 */
export interface SandboxWarehouseLevel {
  warehouseCode: string;
  reorderPointQ: number | null;
  minStockAlertLevelQ: number | null;
}

export interface SandboxProduct {
  guid: string;
  code: string;
  description: string;
  reorderPointQ: number | null;
  minStockAlertLevelQ: number | null;
  warehouses: SandboxWarehouseLevel[];
  obsolete: boolean;
  modifiedMs: number;
}

export interface SandboxStockLine {
  productGuid: string;
  productCode: string;
  warehouseCode: string;
  onHandQ: number;
  allocatedQ: number;
  totalCostCents: number;
  modifiedMs: number;
}

export type SandboxAssemblyStatus = 'Parked' | 'Planned' | 'In Progress' | 'Completed' | 'Cancelled';

export interface SandboxAssembly {
  guid: string;
  number: string;
  status: SandboxAssemblyStatus;
  productCode: string;
  quantityQ: number;
  assembleByMs: number | null;
  modifiedMs: number;
}

export interface UnleashedDataset {
  warehouses: string[];
  products: SandboxProduct[];
  stock: SandboxStockLine[];
  assemblies: SandboxAssembly[];
}

export interface UnleashedDatasetOptions {
  seed: number;
  products: number;
  assemblies: number;
  /** Records were last modified during the 30 days before this instant (exclusive). */
  referenceDate: Date;
}

const DAY_MS = 86_400_000;
const WAREHOUSES = ['MAIN', 'EAST'];
const STATUSES: SandboxAssemblyStatus[] = ['Parked', 'Planned', 'In Progress', 'Completed', 'Cancelled'];

const guidOf = (seed: number, kind: string, index: number) => {
  const hex = stableHex(mixSeed(seed, hashString(kind), index), 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** Builds the organisation for `options`: the same options always give the same data. */
export function buildUnleashedDataset(options: UnleashedDatasetOptions): UnleashedDataset {
  const next = mulberry32(options.seed);
  const midnight = Math.floor(options.referenceDate.getTime() / DAY_MS) * DAY_MS;
  const modified = () => midnight - intBetween(next, 1, 30) * DAY_MS + intBetween(next, 0, DAY_MS / 1000 - 1) * 1000;
  const level = () => (next() < 0.5 ? null : intBetween(next, 4, 200));
  const products: SandboxProduct[] = [];
  const stock: SandboxStockLine[] = [];
  for (let i = 0; i < options.products; i++) {
    const guid = guidOf(options.seed, 'product', i);
    const code = `SKU-${String(i + 1).padStart(4, '0')}`;
    const product: SandboxProduct = {
      guid,
      code,
      description: `Sandbox product ${i + 1}`,
      reorderPointQ: level(),
      minStockAlertLevelQ: level(),
      warehouses: next() < 0.25 ? [{ warehouseCode: 'EAST', reorderPointQ: level(), minStockAlertLevelQ: level() }] : [],
      obsolete: next() < 0.05,
      modifiedMs: modified(),
    };
    products.push(product);
    for (const warehouseCode of WAREHOUSES) {
      // Unleashed omits products that never had a transaction in a warehouse.
      if (next() < 0.15) continue;
      const onHandQ = intBetween(next, 0, 400);
      stock.push({
        productGuid: guid,
        productCode: code,
        warehouseCode,
        onHandQ,
        allocatedQ: intBetween(next, 0, Math.min(onHandQ, 60)),
        totalCostCents: onHandQ * intBetween(next, 50, 5000),
        modifiedMs: modified(),
      });
    }
  }
  const assemblies: SandboxAssembly[] = [];
  for (let i = 0; i < options.assemblies; i++) {
    const dueOffset = intBetween(next, -12, 20);
    assemblies.push({
      guid: guidOf(options.seed, 'assembly', i),
      number: `ASM-${String(i + 1).padStart(5, '0')}`,
      status: STATUSES[intBetween(next, 0, STATUSES.length - 1)],
      productCode: products[intBetween(next, 0, products.length - 1)]?.code ?? 'SKU-0001',
      quantityQ: intBetween(next, 1, 200),
      assembleByMs: next() < 0.1 ? null : midnight + dueOffset * DAY_MS,
      modifiedMs: modified(),
    });
  }
  return { warehouses: [...WAREHOUSES], products, stock, assemblies };
}

/** What one batch of seeded changes touched. */
export interface ChangeBatch {
  /** `productCode@warehouseCode` of every stock line whose quantity on hand changed. */
  changedPairs: string[];
  assemblies: string[];
  products: string[];
}

/**
 * Applies batch `batch` of seeded changes at `atMs`: a few stock lines get a new quantity on hand
 * (always different), one gets only a new value (quantity unchanged), an assembly moves on a
 * status, a product gets a new reorder point. Each touched record's LastModifiedOn becomes `atMs`.
 */
export function applyChangeBatch(dataset: UnleashedDataset, seed: number, batch: number, atMs: number): ChangeBatch {
  const next = mulberry32(mixSeed(seed, batch, 0x5eed));
  const changedPairs: string[] = [];
  const picked = new Set<number>();
  const count = Math.min(5, dataset.stock.length);
  while (picked.size < count) picked.add(intBetween(next, 0, dataset.stock.length - 1));
  const indexes = [...picked];
  for (const [n, index] of indexes.entries()) {
    const line = dataset.stock[index];
    if (!line) continue;
    line.modifiedMs = atMs;
    if (n === 0) {
      line.totalCostCents += 100; // revalued only: not an inventory change
      continue;
    }
    const delta = intBetween(next, 1, 40) * (line.onHandQ > 40 && next() < 0.5 ? -1 : 1);
    line.onHandQ += delta;
    line.allocatedQ = Math.min(line.allocatedQ, line.onHandQ);
    changedPairs.push(`${line.productCode}@${line.warehouseCode}`);
  }
  const open = dataset.assemblies.filter((a) => a.status === 'Planned' || a.status === 'In Progress');
  const moved = open[intBetween(next, 0, Math.max(0, open.length - 1))];
  if (moved) {
    moved.status = moved.status === 'Planned' ? 'In Progress' : 'Completed';
    moved.modifiedMs = atMs;
  }
  const product = dataset.products[intBetween(next, 0, dataset.products.length - 1)];
  if (product) {
    product.reorderPointQ = intBetween(next, 100, 400);
    product.modifiedMs = atMs;
  }
  return { changedPairs, assemblies: moved ? [moved.number] : [], products: product ? [product.code] : [] };
}
