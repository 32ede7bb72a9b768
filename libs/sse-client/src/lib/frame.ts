import { type Envelope, parseEnvelope } from '@ops/sse-events';
import type { EventSourceMessage } from 'eventsource-parser';

import type { InvalidEventReport, ReplayGap } from './sse-client.types';

/** What one SSE frame from the hub means to the client. */
export type Frame =
  | { readonly kind: 'connected'; readonly clientId: string; readonly channels: readonly string[] }
  | { readonly kind: 'gap'; readonly gap: ReplayGap }
  | { readonly kind: 'auth_expired' }
  | { readonly kind: 'event'; readonly envelope: Envelope }
  | { readonly kind: 'invalid'; readonly report: InvalidEventReport };

const REPORTED_DATA_CHARS = 1_000;

function invalid(message: EventSourceMessage, reason: string): Frame {
  return {
    kind: 'invalid',
    report: {
      reason,
      ...(message.event === undefined ? {} : { eventName: message.event }),
      ...(message.id === undefined ? {} : { eventId: message.id }),
      data: message.data.slice(0, REPORTED_DATA_CHARS),
    },
  };
}

function parseJson(data: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(data) as unknown };
  } catch {
    return { ok: false };
  }
}

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The hub's own frames (`connected`, `replay_gap`, `auth_expired`); checked loosely, they carry no envelope. */
function controlFrame(message: EventSourceMessage, data: Record<string, unknown>): Frame | undefined {
  switch (message.event) {
    case 'connected': {
      const channels = data['channels'];
      if (typeof data['clientId'] !== 'string' || !Array.isArray(channels) || !channels.every((c) => typeof c === 'string')) {
        return invalid(message, 'connected: expected {clientId, channels}');
      }
      return { kind: 'connected', clientId: data['clientId'], channels };
    }
    case 'replay_gap':
      // Even a malformed gap notice means events were lost, so it is still a gap.
      return {
        kind: 'gap',
        gap: { reason: 'replay_gap', lastEventId: stringOrNull(data['lastEventId']), oldestAvailableId: stringOrNull(data['oldestAvailableId']) },
      };
    case 'auth_expired':
      return { kind: 'auth_expired' };
    default:
      return undefined;
  }
}

/**
 * Classifies one parsed SSE message. A contract event is valid only when its data is an envelope
 * that `parseEnvelope` accepts, whose `type` equals the `event:` field and whose `id` equals the
 * `id:` field; anything else is `invalid` with the reason.
 */
export function classifyFrame(message: EventSourceMessage): Frame {
  const json = parseJson(message.data);
  if (!json.ok) return invalid(message, 'data is not JSON');
  if (typeof json.value !== 'object' || json.value === null || Array.isArray(json.value)) {
    return invalid(message, 'data is not a JSON object');
  }
  const control = controlFrame(message, json.value as Record<string, unknown>);
  if (control) return control;
  if (message.event === undefined) return invalid(message, 'frame has no event: field');
  const parsed = parseEnvelope(json.value);
  if (!parsed.ok) return invalid(message, parsed.error);
  const envelope = parsed.value;
  if (envelope.type !== message.event) {
    return invalid(message, `event: field ${JSON.stringify(message.event)} does not match envelope type ${JSON.stringify(envelope.type)}`);
  }
  if (envelope.id !== message.id) {
    return invalid(message, `id: field ${JSON.stringify(message.id ?? null)} does not match envelope id ${JSON.stringify(envelope.id)}`);
  }
  return { kind: 'event', envelope };
}
