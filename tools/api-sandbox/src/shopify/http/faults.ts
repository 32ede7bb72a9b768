import { mulberry32 } from '../../common/prng';
import type { FaultApi, FaultPlan, FaultRule } from '../sandbox.types';

export type FaultKind = 'throttleStorm' | 'serverErrors' | 'slow' | 'truncated' | 'malformedJson';

const DEFAULT_APIS: Record<FaultKind, FaultApi[]> = {
  throttleStorm: ['graphql', 'rest'],
  serverErrors: ['graphql', 'rest'],
  slow: ['graphql', 'rest', 'oauth', 'bulk-file'],
  truncated: ['graphql', 'rest', 'bulk-file'],
  malformedJson: ['graphql', 'rest'],
};

/**
 * Decides, deterministically, which requests a FaultPlan breaks. Each (kind, shop) pair has its
 * own request counter; `probability` draws from a PRNG seeded by the plan, so a given request
 * order always produces the same faults.
 */
export class FaultInjector {
  private plan: FaultPlan = {};
  private counters = new Map<string, { seen: number; fired: number }>();
  private next: () => number = mulberry32(1);

  constructor(plan?: FaultPlan) {
    this.set(plan);
  }

  /** Replaces the plan and resets every counter. */
  set(plan: FaultPlan | undefined): void {
    this.plan = plan ?? {};
    this.counters = new Map();
    this.next = mulberry32(this.plan.seed ?? 1);
  }

  isRevoked(shop: string): boolean {
    return this.plan.revoked?.includes(shop) ?? false;
  }

  /** Counts this request against the rule of `kind` and returns the rule when it fires. */
  fires<K extends FaultKind>(kind: K, shop: string, api: FaultApi): NonNullable<FaultPlan[K]> | undefined {
    const rule = this.plan[kind] as (FaultRule & { onPage?: number }) | undefined;
    if (!rule || (rule.shop !== undefined && rule.shop !== shop)) return undefined;
    const apis = rule.api === undefined ? DEFAULT_APIS[kind] : Array.isArray(rule.api) ? rule.api : [rule.api];
    if (!apis.includes(api)) return undefined;
    const key = `${kind}\u0000${shop}`;
    const counter = this.counters.get(key) ?? { seen: 0, fired: 0 };
    this.counters.set(key, counter);
    counter.seen += 1;
    const limit = rule.times === undefined || rule.times === 'always' ? Number.POSITIVE_INFINITY : rule.times;
    if (counter.fired >= limit) return undefined;
    const onRequest = rule.onRequest ?? rule.onPage;
    const scheduled = onRequest !== undefined || rule.everyNth !== undefined || rule.probability !== undefined;
    const hit =
      !scheduled ||
      onRequest === counter.seen ||
      (rule.everyNth !== undefined && counter.seen % rule.everyNth === 0) ||
      (rule.probability !== undefined && this.next() < rule.probability);
    if (!hit) return undefined;
    counter.fired += 1;
    return this.plan[kind] as NonNullable<FaultPlan[K]>;
  }
}
