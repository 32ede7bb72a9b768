import { mixSeed, mulberry32 } from '../../common/prng';
import { catalogueOf } from './catalogue';
import type { OrderPatch, SandboxOrder, SandboxProduct, ShopProfile } from './dataset.types';
import { refundedTotal } from './dataset.types';
import { generateHeader, generateOrder, orderId, orderIndexFromId, refundId, refundTransactions } from './order-factory';

export type OrderSortKey = 'UPDATED_AT' | 'CREATED_AT' | 'ID';
/** Inclusive range in whole seconds. */
export interface SecondsRange {
  lo: number;
  hi: number;
}
export interface OrderFilter {
  updated?: SecondsRange;
  created?: SecondsRange;
  status?: 'open' | 'closed' | 'cancelled' | 'any';
  sinceId?: number;
  ids?: Set<number>;
}
/** Keyset position: the sort value and order index of the last row a client saw. */
export interface ScanPosition {
  key: number;
  index: number;
}
export interface ScanRequest {
  sortKey: OrderSortKey;
  reverse: boolean;
  filter: OrderFilter;
  after?: ScanPosition;
  limit: number;
}

const MAX_ORDERS = 2 ** 21;
const CLOSED = 1;
const CANCELLED = 2;

/**
 * One shop's orders and products. Orders are regenerated from seed + index on demand; only
 * three typed arrays (created, updated, closed/cancelled flags: 9 bytes per order), a sorted index
 * (4 bytes per order) and the patches made by `touch` are kept in memory.
 */
export class ShopDataset {
  private readonly created: Uint32Array;
  private readonly updated: Uint32Array;
  /** Bit 0 closed, bit 1 cancelled. */
  private readonly flags: Uint8Array;
  private byUpdated: Uint32Array | undefined;
  private readonly patches = new Map<number, OrderPatch>();
  private touchRound = 0;

  constructor(readonly profile: ShopProfile) {
    const n = profile.orderCount;
    if (n > MAX_ORDERS) throw new Error(`at most ${MAX_ORDERS} orders per shop (got ${n})`);
    this.created = new Uint32Array(n);
    this.updated = new Uint32Array(n);
    this.flags = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const header = generateHeader(profile, i);
      this.created[i] = header.createdAt;
      this.updated[i] = header.updatedAt;
      this.flags[i] = (header.closedAt === null ? 0 : CLOSED) | (header.cancelledAt === null ? 0 : CANCELLED);
    }
  }

  get orderCount(): number {
    return this.profile.orderCount;
  }

  /** Bytes held for the order index (for the scale test). */
  get footprintBytes(): number {
    return this.created.byteLength + this.updated.byteLength + this.flags.byteLength + (this.byUpdated?.byteLength ?? 0);
  }

  order(index: number): SandboxOrder {
    const order = generateOrder(this.profile, index);
    const patch = this.patches.get(index);
    if (patch) {
      order.updatedAt = patch.updatedAt;
      order.refunds.push(...patch.extraRefunds);
      if (patch.extraRefunds.length < patch.touches) order.tags = [...order.tags, `sandbox-touched-${patch.touches}`];
    }
    order.transactions.push(...refundTransactions(order));
    return order;
  }

  /** Order index for a legacy id, or undefined when no such order exists. */
  indexOfId(id: number): number | undefined {
    const index = orderIndexFromId(id);
    return Number.isInteger(index) && index >= 0 && index < this.orderCount ? index : undefined;
  }

  product(index: number): SandboxProduct {
    const product = catalogueOf(this.profile)[index];
    if (!product) throw new RangeError(`no product ${index}`);
    return product;
  }

  sortKeyOf(sortKey: OrderSortKey, index: number): number {
    if (sortKey === 'UPDATED_AT') return this.updated[index] ?? 0;
    if (sortKey === 'CREATED_AT') return this.created[index] ?? 0;
    return index;
  }

  /** Keyset scan: rows strictly after `after` in (key, index) order, matching the filter. */
  scan(request: ScanRequest): { indices: number[]; hasMore: boolean } {
    const { sortKey, reverse, filter, after, limit } = request;
    const n = this.orderCount;
    const order = sortKey === 'UPDATED_AT' ? this.sortedByUpdated() : undefined;
    const at = (p: number): number => (order ? (order[p] ?? 0) : p);
    const key = (p: number): number => this.sortKeyOf(sortKey, at(p));
    const range = sortKey === 'UPDATED_AT' ? filter.updated : sortKey === 'CREATED_AT' ? filter.created : undefined;
    const cmp = (p: number, pos: ScanPosition): number => key(p) - pos.key || at(p) - pos.index;
    const firstTrue = (pred: (p: number) => boolean): number => {
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (pred(mid)) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    };
    const indices: number[] = [];
    let p: number;
    if (!reverse) {
      p = Math.max(after ? firstTrue((q) => cmp(q, after) > 0) : 0, range ? firstTrue((q) => key(q) >= range.lo) : 0);
    } else {
      p = Math.min(after ? firstTrue((q) => cmp(q, after) >= 0) - 1 : n - 1, range ? firstTrue((q) => key(q) > range.hi) - 1 : n - 1);
    }
    for (; p >= 0 && p < n; p += reverse ? -1 : 1) {
      if (range && (key(p) > range.hi || key(p) < range.lo)) break;
      const index = at(p);
      if (!this.matches(index, filter)) continue;
      if (indices.length === limit) return { indices, hasMore: true };
      indices.push(index);
    }
    return { indices, hasMore: false };
  }

  /**
   * Touches `count` distinct orders chosen by a PRNG seeded with (seed, round): adds a refund
   * of a quarter of the remaining amount (or only a tag when nothing is left to refund or the
   * order is cancelled).
   */
  touch(count: number, nowSeconds: number): number[] {
    const n = this.orderCount;
    const wanted = Math.min(count, n);
    const next = mulberry32(mixSeed(this.profile.seed, 0x746f7563, this.touchRound++));
    const sorted = this.sortedByUpdated();
    const newest = n > 0 ? (this.updated[sorted[n - 1] ?? 0] ?? 0) : 0;
    const stamp = Math.max(nowSeconds, newest + 1);
    const chosen = new Set<number>();
    while (chosen.size < wanted) chosen.add(Math.floor(next() * n));
    const touched = [...chosen].sort((a, b) => a - b);
    for (const index of touched) {
      const order = this.order(index);
      const patch = this.patches.get(index) ?? { updatedAt: order.updatedAt, extraRefunds: [], touches: 0 };
      // Cancelled orders only get the tag: a refund on a voided order would make no sense.
      const remaining = order.cancelledAt === null ? order.total - refundedTotal(order) : 0;
      if (remaining > 0 && patch.extraRefunds.length < 12) {
        const amount = Math.max(1, Math.floor(remaining / 4));
        patch.extraRefunds.push({ id: refundId(index, 2 + patch.extraRefunds.length), createdAt: stamp, amount, note: 'Sandbox refund: touched', lineItems: [] });
      }
      patch.touches += 1;
      patch.updatedAt = stamp;
      this.patches.set(index, patch);
      this.updated[index] = stamp;
    }
    // Touched orders now carry the newest updated_at: move them to the end of the index.
    const moved = new Set(touched);
    const rest = sorted.filter((index) => !moved.has(index));
    this.byUpdated = new Uint32Array([...rest, ...touched]);
    return touched;
  }

  private matches(index: number, filter: OrderFilter): boolean {
    const updated = this.updated[index] ?? 0;
    const created = this.created[index] ?? 0;
    if (filter.updated && (updated < filter.updated.lo || updated > filter.updated.hi)) return false;
    if (filter.created && (created < filter.created.lo || created > filter.created.hi)) return false;
    const flags = this.flags[index] ?? 0;
    if (filter.status === 'open' && (flags & CLOSED) !== 0) return false;
    if (filter.status === 'closed' && (flags & CLOSED) === 0) return false;
    if (filter.status === 'cancelled' && (flags & CANCELLED) === 0) return false;
    if (filter.sinceId !== undefined && orderId(index) <= filter.sinceId) return false;
    if (filter.ids && !filter.ids.has(index)) return false;
    return true;
  }

  /** Order indices sorted by (updated_at, index); built once, kept current by `touch`. */
  private sortedByUpdated(): Uint32Array {
    if (this.byUpdated) return this.byUpdated;
    const n = this.orderCount;
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = (this.updated[i] ?? 0) * MAX_ORDERS + i;
    keys.sort();
    const sorted = new Uint32Array(n);
    for (let p = 0; p < n; p++) sorted[p] = (keys[p] ?? 0) % MAX_ORDERS;
    this.byUpdated = sorted;
    return sorted;
  }
}
