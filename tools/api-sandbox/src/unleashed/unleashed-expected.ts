import type { UnleashedDataset } from './unleashed-dataset';

/**
 * The figures a correct sync of the dataset must report, computed here in integers (quarters and
 * cents) straight from the dataset, independently of any worker code. Decimals are written
 * without trailing zeros (`"12.5"`, `"3"`).
 */
export interface UnleashedExpected {
  production: {
    total: number;
    byStatus: Record<string, number>;
    quantityByStatus: Record<string, string>;
    dueNext7Days: { from: string; to: string; count: number; quantity: string };
    late: { count: number; quantity: string; jobs: { assemblyNumber: string; daysLate: number }[] };
  };
  inventory: {
    products: number;
    warehouses: number;
    lines: number;
    totalOnHand: string;
    totalAllocated: string;
    totalAvailable: string;
    totalValue: string;
  };
  alerts: { productCode: string; warehouseCode: string; available: string; threshold: string; shortfall: string; level: string }[];
}

const DAY_MS = 86_400_000;

/** `units / 10^scale` written exactly, without trailing fraction zeros. */
function decimal(units: number, scale: number): string {
  const negative = units < 0;
  const digits = String(Math.abs(units)).padStart(scale + 1, '0');
  let fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  const whole = digits.slice(0, digits.length - scale);
  fraction = fraction ? `.${fraction}` : '';
  return `${negative && units !== 0 ? '-' : ''}${whole}${fraction}`;
}
const q = (quarters: number) => decimal(quarters * 25, 2);

export function expectedUnleashedFigures(dataset: UnleashedDataset, asOf: Date): UnleashedExpected {
  const today = Math.floor(asOf.getTime() / DAY_MS) * DAY_MS;
  const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const status = (raw: string) => raw.replace(' ', '');
  const byStatus: Record<string, number> = {};
  const quantityQ: Record<string, number> = {};
  let dueCount = 0;
  let dueQ = 0;
  let lateQ = 0;
  const late: { assemblyNumber: string; daysLate: number }[] = [];
  for (const job of dataset.assemblies) {
    const s = status(job.status);
    byStatus[s] = (byStatus[s] ?? 0) + 1;
    quantityQ[s] = (quantityQ[s] ?? 0) + job.quantityQ;
    const open = s === 'Parked' || s === 'Planned' || s === 'InProgress';
    if (!open || job.assembleByMs === null) continue;
    const dueDay = Math.floor(job.assembleByMs / DAY_MS) * DAY_MS;
    if (dueDay < today) {
      late.push({ assemblyNumber: job.number, daysLate: (today - dueDay) / DAY_MS });
      lateQ += job.quantityQ;
    } else if (dueDay <= today + 6 * DAY_MS) {
      dueCount += 1;
      dueQ += job.quantityQ;
    }
  }
  late.sort((a, b) => b.daysLate - a.daysLate || (a.assemblyNumber < b.assemblyNumber ? -1 : 1));

  let onHandQ = 0;
  let allocatedQ = 0;
  let valueCents = 0;
  const alerts: UnleashedExpected['alerts'] = [];
  const productByCode = new Map(dataset.products.map((p) => [p.code, p]));
  for (const line of dataset.stock) {
    onHandQ += line.onHandQ;
    allocatedQ += line.allocatedQ;
    valueCents += line.totalCostCents;
    const product = productByCode.get(line.productCode);
    if (!product || product.obsolete) continue;
    const own = product.warehouses.find((w) => w.warehouseCode === line.warehouseCode);
    const pick = (l: { reorderPointQ: number | null; minStockAlertLevelQ: number | null }) =>
      l.reorderPointQ !== null
        ? { thresholdQ: l.reorderPointQ, level: 'reorder_point' }
        : l.minStockAlertLevelQ !== null
          ? { thresholdQ: l.minStockAlertLevelQ, level: 'min_stock_alert' }
          : undefined;
    const threshold = (own && pick(own)) ?? pick(product);
    const availableQ = line.onHandQ - line.allocatedQ;
    if (!threshold || availableQ >= threshold.thresholdQ) continue;
    alerts.push({
      productCode: line.productCode,
      warehouseCode: line.warehouseCode,
      available: q(availableQ),
      threshold: q(threshold.thresholdQ),
      shortfall: q(threshold.thresholdQ - availableQ),
      level: threshold.level,
    });
  }
  return {
    production: {
      total: dataset.assemblies.length,
      byStatus,
      quantityByStatus: Object.fromEntries(Object.entries(quantityQ).map(([s, v]) => [s, q(v)])),
      dueNext7Days: { from: isoDate(today), to: isoDate(today + 6 * DAY_MS), count: dueCount, quantity: q(dueQ) },
      late: { count: late.length, quantity: q(lateQ), jobs: late },
    },
    inventory: {
      products: new Set(dataset.stock.map((s) => s.productCode)).size,
      warehouses: new Set(dataset.stock.map((s) => s.warehouseCode)).size,
      lines: dataset.stock.length,
      totalOnHand: q(onHandQ),
      totalAllocated: q(allocatedQ),
      totalAvailable: q(onHandQ - allocatedQ),
      totalValue: decimal(valueCents, 2),
    },
    alerts,
  };
}
