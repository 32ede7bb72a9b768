import type { SseSubscriber } from '@ops/sse-client';

import { appendEntry, entryOfEnvelope, replayGapEntry, type EventLogEntry } from '../lib/event-log';

export interface EventLogStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): readonly EventLogEntry[];
}

/**
 * Keeps the last events the client delivered, from the moment it is created (before React renders, so
 * nothing replayed on the first connect is missed), and a `replay_gap` entry for each gap.
 */
export function createEventLogStore(client: Pick<SseSubscriber, 'onAny' | 'onGap'>, now: () => Date = () => new Date()): EventLogStore {
  let entries: readonly EventLogEntry[] = [];
  let gaps = 0;
  const listeners = new Set<() => void>();
  const update = (entry: EventLogEntry) => {
    entries = appendEntry(entries, entry);
    listeners.forEach((listener) => listener());
  };
  client.onAny((envelope) => update(entryOfEnvelope(envelope)));
  client.onGap(() => update(replayGapEntry(now(), ++gaps)));
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => entries,
  };
}
