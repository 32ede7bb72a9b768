/**
 * The ids of the last `capacity` events, to drop an event delivered twice (replayed after a
 * reconnect that widened the channel set, or replayed to a new leader tab).
 */
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity = 2_000) {}

  /** Records `id`; false if it was already recorded. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next();
      if (!oldest.done) this.ids.delete(oldest.value);
    }
    return true;
  }
}
