import { z } from 'zod';

import { ALL_CONNECTIONS, isKnownChannel } from './channels';
import { EVENT_TYPES, eventSchemas, type EventPayload, type EventType } from './event-map';
import { channelsFor, isJobEvent } from './routing';
import { IdentifierSchema, IsoDateTimeSchema, JobIdSchema, SystemSchema } from './schemas/common.schema';

export const EventIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, 'may contain only letters, digits and . _ : -');

export const EventSourceSchema = z.strictObject({
  system: SystemSchema,
  /** Account, store or tenant the event is about (`uk-store`, a Xero tenant id). */
  account: IdentifierSchema,
  environment: z.enum(['production', 'sandbox']),
});

const ChannelNameSchema = z
  .string()
  .refine((name) => name === ALL_CONNECTIONS || isKnownChannel(name), { message: 'unknown channel' });

const envelopeFields = {
  id: EventIdSchema,
  channels: z.array(ChannelNameSchema).min(1).max(16),
  source: EventSourceSchema,
  occurredAt: IsoDateTimeSchema,
  jobId: JobIdSchema.optional(),
};

function envelopeOf<T extends EventType>(type: T) {
  return z.strictObject({ ...envelopeFields, type: z.literal(type), payload: eventSchemas[type] });
}

type EnvelopeSchemaOf<T extends EventType> = ReturnType<typeof envelopeOf<T>>;
type EnvelopeSchemas = { [T in EventType]: EnvelopeSchemaOf<T> };

const envelopeSchemasByType = Object.fromEntries(EVENT_TYPES.map((type) => [type, envelopeOf(type)])) as EnvelopeSchemas;

/** The envelope schema of one event type, without the routing checks (for documentation). */
export function envelopeSchemaFor<T extends EventType>(type: T): EnvelopeSchemaOf<T> {
  return envelopeSchemasByType[type];
}

/**
 * The envelope every event travels in, validated against the routing table: its channels must be
 * exactly those the table gives for its type, and a job event's `jobId` must match its payload.
 */
export const EnvelopeSchema = z
  .discriminatedUnion(
    'type',
    Object.values(envelopeSchemasByType) as [EnvelopeSchemaOf<EventType>, ...EnvelopeSchemaOf<EventType>[]],
  )
  .superRefine((envelope, ctx) => {
    const jobEvent = isJobEvent(envelope.type);
    const payloadJobId = (envelope.payload as { jobId?: string }).jobId;
    if (jobEvent && envelope.jobId !== payloadJobId) {
      ctx.addIssue({ code: 'custom', path: ['jobId'], message: 'must equal payload.jobId for job events' });
      return;
    }
    if (!jobEvent && envelope.jobId !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['jobId'], message: `${envelope.type} is not a job event` });
      return;
    }
    const expected = channelsFor(envelope.type, envelope.jobId);
    if (expected.join(',') !== envelope.channels.join(',')) {
      ctx.addIssue({
        code: 'custom',
        path: ['channels'],
        message: `must be [${expected.join(', ')}] for ${envelope.type} (the routing table decides)`,
      });
    }
  });

/** An envelope of one event type (a union over types when `T` is a union), inferred from the schemas. */
export type Envelope<T extends EventType = EventType> = {
  [K in T]: z.infer<z.ZodObject<typeof envelopeFields>> & { type: K; payload: EventPayload<K> };
}[T];
export type EventSource = z.infer<typeof EventSourceSchema>;
