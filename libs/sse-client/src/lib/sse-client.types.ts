import type { Envelope, EventType } from '@ops/sse-events';

/** Connection state. `closed` is final: after `close()` or a refusal that retrying cannot fix. */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export const CONNECTION_STATES: readonly ConnectionState[] = ['connecting', 'open', 'reconnecting', 'closed'];

/** Why the client stopped: set with state `closed` after a refusal, `undefined` after `close()`. */
export interface SseClientFailure {
  /** HTTP status of the refusal (`/sse/tickets` or the stream), when there was one. */
  readonly status?: number;
  readonly message: string;
}

/** A frame that did not pass the contract; it was not given to any listener. */
export interface InvalidEventReport {
  /** What is wrong, e.g. `payload.quantity: expected number` or `data is not JSON`. */
  readonly reason: string;
  /** The SSE `event:` field, if the frame had one. */
  readonly eventName?: string;
  /** The SSE `id:` field, if the frame had one. */
  readonly eventId?: string;
  /** The frame's data, cut to 1,000 characters. */
  readonly data: string;
}

/**
 * Events may have been missed and cannot be replayed: refetch everything.
 * `replay_gap`: the hub no longer has (or never had) the events after `lastEventId`.
 * `no_resume_point`: the connection dropped before any event arrived, so there was no id to resume from.
 */
export type ReplayGap =
  | { readonly reason: 'replay_gap'; readonly lastEventId: string | null; readonly oldestAvailableId: string | null }
  | { readonly reason: 'no_resume_point' };

/** A listener for one event type, given the envelope typed by the contract. */
export type EventListener<T extends EventType> = (envelope: Envelope<T>) => void;

/** Stops a listener or a subscription; calling it again does nothing. */
export type Unsubscribe = () => void;

/** Exponential backoff between reconnects: `baseMs * 2^(n-1)` capped at `maxMs`, plus up to 50% jitter. */
export interface BackoffOptions {
  /** First delay; the hub's `retry:` hint replaces it when sent. Default 1,000. */
  readonly baseMs?: number;
  /** Longest delay. Default 30,000. */
  readonly maxMs?: number;
}

/**
 * What every client offers, whether it owns the connection ({@link SseClient}) or shares another
 * tab's ({@link SharedSseClient}).
 */
export interface SseSubscriber {
  /** The current connection state. */
  readonly state: ConnectionState;
  /** Why the client closed itself, if it did. */
  readonly failure: SseClientFailure | undefined;
  /** The channels currently subscribed (union of every `subscribe` still active). */
  readonly channels: readonly string[];
  /**
   * Adds channels (ref-counted) and reconnects when the set changed, resuming from the last event.
   * @returns a function that removes exactly these channels again.
   * @throws TypeError for a name that is not a known channel (`isKnownChannel` of the contract).
   */
  subscribe(channels: readonly string[]): Unsubscribe;
  /** Calls `listener` with every valid envelope of `type`. */
  on<T extends EventType>(type: T, listener: EventListener<T>): Unsubscribe;
  /** Calls `listener` with every valid envelope. */
  onAny(listener: (envelope: Envelope) => void): Unsubscribe;
  /** Calls `listener` for every frame that failed validation (never passed to other listeners). */
  onInvalid(listener: (report: InvalidEventReport) => void): Unsubscribe;
  /** Calls `listener` when events may have been lost: refetch everything. */
  onGap(listener: (gap: ReplayGap) => void): Unsubscribe;
  /** Calls `listener` on every state change (not with the current state). */
  onState(listener: (state: ConnectionState, failure: SseClientFailure | undefined) => void): Unsubscribe;
  /** Stops for good: aborts the connection, state `closed`. Calling it again does nothing. */
  close(): void;
}
