import type { UnleashedExpected } from '@ops/api-sandbox';
import type { EventPayload } from '@ops/sse-events';

import { canonical } from './unleashed-harness';

type Completed = EventPayload<'unleashed:sync_completed'>;

/** The completed payload in the expected figures' shape, decimals canonical. */
export function figuresOf(payload: Completed) {
  const q = (record: Partial<Record<string, string>>) => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, canonical(v ?? '')]));
  const inventory = payload.inventory;
  return {
    production: {
      total: payload.production.total,
      byStatus: payload.production.byStatus,
      quantityByStatus: q(payload.production.quantityByStatus),
      dueNext7Days: { ...payload.production.dueNext7Days, quantity: canonical(payload.production.dueNext7Days.quantity) },
      late: {
        count: payload.production.late.count,
        quantity: canonical(payload.production.late.quantity),
        jobs: payload.production.late.jobs.map((j) => ({ assemblyNumber: j.assemblyNumber, daysLate: j.daysLate })),
      },
    },
    inventory: {
      ...inventory,
      totalOnHand: canonical(inventory.totalOnHand),
      totalAllocated: canonical(inventory.totalAllocated),
      totalAvailable: canonical(inventory.totalAvailable),
      totalValue: canonical(inventory.totalValue),
    },
    alerts: payload.alerts
      .map((a) => ({
        productCode: a.productCode,
        warehouseCode: a.warehouseCode,
        available: canonical(a.available),
        threshold: canonical(a.threshold),
        shortfall: canonical(a.shortfall),
        level: a.level,
      }))
      .sort(byPair),
  };
}

const byPair = (a: { productCode: string; warehouseCode: string }, b: { productCode: string; warehouseCode: string }) =>
  `${a.productCode}@${a.warehouseCode}` < `${b.productCode}@${b.warehouseCode}` ? -1 : 1;

export const sorted = (expected: UnleashedExpected) => ({ ...expected, alerts: [...expected.alerts].sort(byPair) });

