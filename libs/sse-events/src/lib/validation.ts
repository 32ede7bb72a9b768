import type { z } from 'zod';

import { type Envelope, EnvelopeSchema } from './envelope';
import { eventSchemas, type EventPayload, type EventType, isEventType } from './event-map';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Formats zod issues as `path.to.field: message`, one per issue, joined with `; `. */
export function formatIssues(error: z.ZodError, basePath: readonly string[] = []): string {
  return error.issues
    .map((issue) => {
      const path = [...basePath, ...issue.path.map(String)].join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/**
 * Validates an untrusted envelope. Unknown fields anywhere are rejected, not ignored.
 * An unknown `type` gives an error naming the type rather than a list of every valid one.
 */
export function parseEnvelope(input: unknown): ValidationResult<Envelope> {
  const type = (input as { type?: unknown } | null)?.type;
  if (typeof type === 'string' && !isEventType(type)) {
    return { ok: false, error: `type: unknown event type ${JSON.stringify(type.slice(0, 100))}` };
  }
  const result = EnvelopeSchema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data as Envelope }
    : { ok: false, error: formatIssues(result.error) };
}

/** Validates a payload for one event type; errors name the field path under `payload`. */
export function parsePayload<T extends EventType>(type: T, input: unknown): ValidationResult<EventPayload<T>> {
  const result = eventSchemas[type].safeParse(input);
  if (result.success) return { ok: true, value: result.data as EventPayload<T> };
  return { ok: false, error: formatIssues(result.error, ['payload']) };
}

export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
}
