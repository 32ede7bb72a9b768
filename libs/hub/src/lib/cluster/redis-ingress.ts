import type { Envelope } from '@ops/sse-events';
import type { RedisPublisher } from '@ops/sse-events/redis';

import type { EventHub, PublishResult } from '../sse/event-hub';
import { EventIngress } from './event-ingress';

/**
 * Scale-out: envelopes are appended to the shared stream and reach subscribers (of every
 * replica, this one included) when the replicas read them back. An id this replica has already
 * broadcast is skipped here; a repeat it has not seen yet is dropped by each replica on reading.
 */
export class RedisIngress extends EventIngress {
  constructor(
    private readonly hub: EventHub,
    private readonly publisher: RedisPublisher,
  ) {
    super();
  }

  async publish(envelopes: readonly Envelope[]): Promise<PublishResult> {
    const fresh = envelopes.filter((envelope) => !this.hub.hasSeen(envelope.id));
    // Ingest and the admin endpoint have just validated them against the contract.
    await this.publisher.append(fresh, true);
    return {
      accepted: fresh.length,
      duplicates: envelopes.length - fresh.length,
    };
  }
}
