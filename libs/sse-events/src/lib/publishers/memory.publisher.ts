import type { Envelope } from '../envelope';
import { InvalidEventError, parseEnvelope } from '../validation';
import { asArray, type EventPublisher } from './event-publisher';

export type EnvelopeListener = (envelope: Envelope) => void;

/**
 * In-process transport for one-process runs and tests. Envelopes are validated, then handed to
 * every listener synchronously, in publish order. A listener that throws does not stop the others.
 */
export class MemoryPublisher implements EventPublisher {
  private readonly listeners = new Set<EnvelopeListener>();
  private closed = false;

  /** Registers a listener; the returned function removes it (calling it twice does nothing). */
  subscribe(listener: EnvelopeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async publish(envelopes: Envelope | readonly Envelope[]): Promise<void> {
    if (this.closed) throw new Error('MemoryPublisher is closed');
    const batch = asArray(envelopes).map((envelope) => {
      const parsed = parseEnvelope(envelope);
      if (!parsed.ok) throw new InvalidEventError(parsed.error);
      return parsed.value;
    });
    for (const envelope of batch) {
      for (const listener of this.listeners) {
        try {
          listener(envelope);
        } catch {
          // One faulty listener must not starve the rest; listeners own their error handling.
        }
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
  }
}
