import { ALL_CONNECTIONS } from '@ops/sse-events';

interface HistoryEntry {
  readonly seq: number;
  readonly id: string;
  readonly channels: readonly string[];
  readonly frame: Buffer;
}

/** What a reconnecting client gets: the frames it missed, or a gap it must recover from. */
export type ReplayResult =
  | { kind: 'replay'; frames: Buffer[] }
  | { kind: 'gap'; oldestAvailableId?: string };

/**
 * A bounded ring of the most recent events with their encoded frames, for `Last-Event-ID` replay.
 * Holds at most `capacity` events; older ones fall out (and so do their ids).
 */
export class EventHistory {
  private readonly ring: (HistoryEntry | undefined)[];
  private readonly seqById = new Map<string, number>();
  private lastSeq = 0;

  constructor(private readonly capacity: number) {
    this.ring = new Array<HistoryEntry | undefined>(capacity);
  }

  /** Records an event. With capacity 0 nothing is kept and every replay is a gap. */
  push(id: string, channels: readonly string[], frame: Buffer): void {
    if (this.capacity === 0) return;
    const seq = ++this.lastSeq;
    const slot = seq % this.capacity;
    const evicted = this.ring[slot];
    if (evicted) this.seqById.delete(evicted.id);
    this.ring[slot] = { seq, id, channels, frame };
    this.seqById.set(id, seq);
  }

  /** True when `id` is still in the history (a replay after it would not be a gap). */
  has(id: string): boolean {
    return this.seqById.has(id);
  }

  /**
   * The frames recorded after `lastEventId` that a subscriber of `channels` would have received,
   * oldest first. An id that is unknown or has already fallen out of the history is a gap.
   */
  replayAfter(lastEventId: string, channels: readonly string[]): ReplayResult {
    const from = this.seqById.get(lastEventId);
    if (from === undefined)
      return { kind: 'gap', oldestAvailableId: this.oldest()?.id };
    const wanted = new Set(channels);
    const frames: Buffer[] = [];
    for (let seq = from + 1; seq <= this.lastSeq; seq++) {
      const entry = this.ring[seq % this.capacity];
      if (
        entry &&
        entry.channels.some((c) => c === ALL_CONNECTIONS || wanted.has(c))
      )
        frames.push(entry.frame);
    }
    return { kind: 'replay', frames };
  }

  private oldest(): HistoryEntry | undefined {
    if (this.lastSeq === 0 || this.capacity === 0) return undefined;
    const first = Math.max(1, this.lastSeq - this.capacity + 1);
    return this.ring[first % this.capacity];
  }
}
