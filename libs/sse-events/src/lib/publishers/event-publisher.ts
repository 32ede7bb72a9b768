import type { Envelope } from '../envelope';

/** Where events go: the hub in-process, the hub over HTTP, or a broker. */
export interface EventPublisher {
  /**
   * Delivers envelopes, in order. Resolves once the transport has accepted all of them;
   * rejects if it could not, after any retries the transport makes.
   */
  publish(envelopes: Envelope | readonly Envelope[]): Promise<void>;
  /** Releases timers and connections. Publishing after close rejects. */
  close(): Promise<void>;
}

export function asArray<T>(value: T | readonly T[]): readonly T[] {
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}
