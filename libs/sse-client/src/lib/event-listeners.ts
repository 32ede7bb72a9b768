import type { Envelope, EventType } from '@ops/sse-events';

import { ListenerSet } from './listener-set';
import type {
  ConnectionState,
  EventListener,
  InvalidEventReport,
  ReplayGap,
  SseClientFailure,
  Unsubscribe,
} from './sse-client.types';

/** The listener registries behind `on`, `onAny`, `onInvalid`, `onGap` and `onState`. */
export class EventListeners {
  private readonly byType = new Map<EventType, ListenerSet<[Envelope]>>();
  readonly any = new ListenerSet<[Envelope]>();
  readonly invalid = new ListenerSet<[InvalidEventReport]>();
  readonly gap = new ListenerSet<[ReplayGap]>();
  readonly state = new ListenerSet<[ConnectionState, SseClientFailure | undefined]>();

  on<T extends EventType>(type: T, listener: EventListener<T>): Unsubscribe {
    let set = this.byType.get(type);
    if (!set) this.byType.set(type, (set = new ListenerSet()));
    // The set is keyed by type, so only envelopes of type T ever reach this listener.
    return set.add(listener as (envelope: Envelope) => void);
  }

  /** Gives a validated envelope to the listeners of its type, then to `onAny` listeners. */
  deliver(envelope: Envelope): void {
    this.byType.get(envelope.type)?.emit(envelope);
    this.any.emit(envelope);
  }

  clear(): void {
    for (const set of [...this.byType.values(), this.any, this.invalid, this.gap, this.state]) set.clear();
  }
}
