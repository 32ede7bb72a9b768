import { isKnownChannel } from '@ops/sse-events';

/** Reference-counted channel names: a channel stays subscribed while any `add` of it is not yet removed. */
export class ChannelSet {
  private readonly counts = new Map<string, number>();

  /** The subscribed names, in first-subscribed order. */
  get names(): string[] {
    return [...this.counts.keys()];
  }

  /**
   * @returns true when the set of names changed.
   * @throws TypeError naming a channel the contract does not know.
   */
  add(channels: readonly string[]): boolean {
    const unknown = channels.find((name) => !isKnownChannel(name));
    if (unknown !== undefined) throw new TypeError(`unknown channel ${JSON.stringify(unknown)}`);
    let changed = false;
    for (const name of new Set(channels)) {
      const count = this.counts.get(name) ?? 0;
      if (count === 0) changed = true;
      this.counts.set(name, count + 1);
    }
    return changed;
  }

  /** @returns true when the set of names changed. */
  remove(channels: readonly string[]): boolean {
    let changed = false;
    for (const name of new Set(channels)) {
      const count = this.counts.get(name);
      if (count === undefined) continue;
      if (count <= 1) {
        this.counts.delete(name);
        changed = true;
      } else {
        this.counts.set(name, count - 1);
      }
    }
    return changed;
  }
}
