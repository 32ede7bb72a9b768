import type { Envelope, EventSource } from './envelope';
import { createEventId } from './event-id';
import type { EventPayload, EventType } from './event-map';
import { channelsFor, isJobEvent } from './routing';
import { InvalidEventError, parsePayload } from './validation';

export interface EnvelopeOptions {
  /** Supply a deterministic id (an outbox row id) so a retried publish is recognised as a duplicate. */
  id?: string;
  occurredAt?: Date | string;
}

/**
 * Builds a validated envelope: channels come from the routing table, `jobId` from the payload of
 * job events, `id` and `occurredAt` are generated unless given.
 * @throws InvalidEventError naming the offending field when the payload does not match its schema.
 */
export function createEnvelope<T extends EventType>(
  type: T,
  source: EventSource,
  payload: EventPayload<T>,
  options: EnvelopeOptions = {},
): Envelope<T> {
  const parsed = parsePayload(type, payload);
  if (!parsed.ok) throw new InvalidEventError(`${type}: ${parsed.error}`);
  const jobId = isJobEvent(type) ? (parsed.value as { jobId: string }).jobId : undefined;
  const occurredAt = options.occurredAt ?? new Date();
  return {
    id: options.id ?? createEventId(),
    type,
    channels: channelsFor(type, jobId),
    source,
    occurredAt: typeof occurredAt === 'string' ? occurredAt : occurredAt.toISOString(),
    ...(jobId ? { jobId } : {}),
    payload: parsed.value,
  } as Envelope<T>;
}
