import type { Envelope, EventType } from '@ops/sse-events';

import { ChannelSet } from './channel-set';
import { EventListeners } from './event-listeners';
import { RecentIds } from './recent-ids';
import type {
  ConnectionState,
  EventListener,
  InvalidEventReport,
  ReplayGap,
  SseClientFailure,
  SseSubscriber,
  Unsubscribe,
} from './sse-client.types';

/**
 * The listener and subscription surface every client shares: state, ref-counted channels and
 * listeners. A subclass moves the state with `setState`, hands envelopes to `deliverOnce`, and
 * says in `channelsChanged` what a change of the channel set does (reconnect, or tell the leader tab).
 */
export abstract class SseSubscriberBase implements SseSubscriber {
  protected readonly listeners = new EventListeners();
  protected readonly channelSet = new ChannelSet();
  private readonly recentIds = new RecentIds();
  private currentState: ConnectionState = 'connecting';
  private currentFailure: SseClientFailure | undefined;

  get state(): ConnectionState {
    return this.currentState;
  }

  get failure(): SseClientFailure | undefined {
    return this.currentFailure;
  }

  get channels(): readonly string[] {
    return this.channelSet.names;
  }

  subscribe(channels: readonly string[]): Unsubscribe {
    if (this.channelSet.add(channels)) this.channelsChanged();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      if (this.channelSet.remove(channels)) this.channelsChanged();
    };
  }

  on<T extends EventType>(type: T, listener: EventListener<T>): Unsubscribe {
    return this.listeners.on(type, listener);
  }

  onAny(listener: (envelope: Envelope) => void): Unsubscribe {
    return this.listeners.any.add(listener);
  }

  onInvalid(listener: (report: InvalidEventReport) => void): Unsubscribe {
    return this.listeners.invalid.add(listener);
  }

  onGap(listener: (gap: ReplayGap) => void): Unsubscribe {
    return this.listeners.gap.add(listener);
  }

  onState(listener: (state: ConnectionState, failure: SseClientFailure | undefined) => void): Unsubscribe {
    return this.listeners.state.add(listener);
  }

  abstract close(): void;

  /** Called after `subscribe` or its unsubscribe changed the set of channel names. */
  protected abstract channelsChanged(): void;

  /** Moves to `state` (keeping the failure unless given) and tells `onState` listeners, if either changed. */
  protected setState(state: ConnectionState, failure: SseClientFailure | undefined = this.currentFailure): void {
    if (state === this.currentState && failure === this.currentFailure) return;
    this.currentState = state;
    this.currentFailure = failure;
    this.listeners.state.emit(state, failure);
  }

  /** Gives an envelope to the listeners unless one with its id was delivered recently. */
  protected deliverOnce(envelope: Envelope): void {
    if (this.recentIds.add(envelope.id)) this.listeners.deliver(envelope);
  }
}
