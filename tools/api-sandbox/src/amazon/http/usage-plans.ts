import type { AmazonOperation, UsagePlan } from '../amazon.types';

/**
 * Amazon's documented default usage plans (selling-partner-api-models @34dc93f: fbaInventory.json,
 * orders_2026-01-01.json, fulfillmentInboundV0.json).
 */
export const DOCUMENTED_USAGE_PLANS: Readonly<Record<AmazonOperation, UsagePlan>> = {
  getInventorySummaries: { rate: 2, burst: 2 },
  searchOrders: { rate: 0.0056, burst: 20 },
  getShipments: { rate: 2, burst: 30 },
  getShipmentItemsByShipmentId: { rate: 2, burst: 30 },
};

/**
 * One token bucket per operation, per (seller, application) pair as Amazon keeps them: full at
 * start, `burst` deep, refilled continuously at `rate` per second.
 */
export class OperationBuckets {
  private readonly tokens = new Map<AmazonOperation, { level: number; at: number }>();

  constructor(
    private readonly plans: Readonly<Record<AmazonOperation, UsagePlan>>,
    private readonly now: () => number,
  ) {}

  /** Takes one token; false when the bucket is empty (the request gets a 429). */
  take(operation: AmazonOperation): boolean {
    const plan = this.plans[operation];
    const now = this.now();
    const state = this.tokens.get(operation) ?? { level: plan.burst, at: now };
    const level = Math.min(plan.burst, state.level + ((now - state.at) / 1000) * plan.rate);
    if (level < 1) {
      this.tokens.set(operation, { level, at: now });
      return false;
    }
    this.tokens.set(operation, { level: level - 1, at: now });
    return true;
  }

  /** The `x-amzn-RateLimit-Limit` value for an operation. */
  rateHeader(operation: AmazonOperation): string {
    return String(this.plans[operation].rate);
  }
}

/** The documented plans with every rate multiplied by `scale` (or its entry in `perOperation`). */
export function scaledPlans(scale: number, perOperation: Partial<Record<AmazonOperation, number>> = {}): Record<AmazonOperation, UsagePlan> {
  return Object.fromEntries(
    Object.entries(DOCUMENTED_USAGE_PLANS).map(([operation, plan]) => [
      operation,
      { rate: Number((plan.rate * (perOperation[operation as AmazonOperation] ?? scale)).toPrecision(12)), burst: plan.burst },
    ]),
  ) as Record<AmazonOperation, UsagePlan>;
}
