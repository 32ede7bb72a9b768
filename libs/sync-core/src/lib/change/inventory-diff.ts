export interface InventoryLevel {
  sku: string;
  location: string;
  quantity: number;
}

export interface InventoryChange extends InventoryLevel {
  /** `null` when the SKU had never been seen at this location. */
  previousQuantity: number | null;
}

const keyOf = (level: Pick<InventoryLevel, 'sku' | 'location'>) => `${level.location}\u0000${level.sku}`;

/**
 * The SKU/location pairs whose quantity differs between two snapshots, in `next` order.
 * Pairs present only in `previous` are not reported: an API that stops listing a SKU has not said
 * its quantity is zero, and the dashboard is never told a number nobody reported.
 * @throws Error when `next` lists the same SKU/location twice (an ambiguous snapshot).
 */
export function diffInventory(previous: readonly InventoryLevel[], next: readonly InventoryLevel[]): InventoryChange[] {
  const before = new Map(previous.map((level) => [keyOf(level), level.quantity]));
  const seen = new Set<string>();
  const changes: InventoryChange[] = [];
  for (const level of next) {
    const key = keyOf(level);
    if (seen.has(key)) throw new Error(`snapshot lists ${level.sku} at ${level.location} twice`);
    seen.add(key);
    const previousQuantity = before.get(key);
    if (previousQuantity === level.quantity) continue;
    changes.push({ ...level, previousQuantity: previousQuantity ?? null });
  }
  return changes;
}

/**
 * The changes an integration announces as `inventory:update`: none for an account's first snapshot
 * (`previous` empty: that sync is the baseline, its quantities are in the sync's own summary, and
 * thousands of "appeared" events would tell a dashboard nothing), every change after it, including
 * a SKU first seen later (`previousQuantity: null`).
 */
export function changesToAnnounce(previous: readonly unknown[], changes: InventoryChange[]): InventoryChange[] {
  return previous.length === 0 ? [] : changes;
}
