import type { Envelope } from '@ops/sse-events';

import type { EventHub, PublishResult } from '../sse/event-hub';

/**
 * Where `POST /events` and the admin broadcast put validated envelopes: straight into this
 * process's hub, or onto the shared Redis stream that every replica (this one included) reads.
 */
export abstract class EventIngress {
  /**
   * Accepts envelopes in order; those this replica has already seen count as duplicates.
   * @throws TransientError (`@ops/resilience`) when the shared stream is unreachable.
   */
  abstract publish(envelopes: readonly Envelope[]): Promise<PublishResult>;
}

/** One process: envelopes are broadcast here and now. */
export class LocalIngress extends EventIngress {
  constructor(private readonly hub: EventHub) {
    super();
  }

  async publish(envelopes: readonly Envelope[]): Promise<PublishResult> {
    return this.hub.publish(envelopes);
  }
}
