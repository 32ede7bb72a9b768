import type { Envelope } from '@ops/sse-events';

/** Most entries the live log keeps; older ones drop off the end. */
export const EVENT_LOG_LIMIT = 50;

export interface EventLogEntry {
  /** The event id, or a page-made id for a replay gap (which has no event of its own). */
  id: string;
  type: Envelope['type'] | 'replay_gap';
  at: string;
  /** `system / account`, or what the gap means. */
  summary: string;
  sandbox: boolean;
}

/** What an event says in a few words, for the kinds where that is short: progress, errors, broadcasts. */
function detailOf(envelope: Envelope): string | null {
  if (envelope.type === 'forecast:progress') return `${envelope.payload.stage.replace(/_/g, ' ')} ${Math.round(envelope.payload.progress * 100)}%`;
  if (envelope.type === 'admin:broadcast') return `${envelope.payload.level}: ${envelope.payload.message}`;
  const error = (envelope.payload as { error?: { code: string; message: string } }).error;
  return error ? `${error.code}: ${error.message}` : null;
}

export function entryOfEnvelope(envelope: Envelope): EventLogEntry {
  const detail = detailOf(envelope);
  return {
    id: envelope.id,
    type: envelope.type,
    at: envelope.occurredAt,
    summary: `${envelope.source.system} / ${envelope.source.account}${detail ? ` · ${detail}` : ''}`,
    sandbox: envelope.source.environment === 'sandbox',
  };
}

export function replayGapEntry(at: Date, sequence: number): EventLogEntry {
  return {
    id: `replay-gap-${at.getTime()}-${sequence}`,
    type: 'replay_gap',
    at: at.toISOString(),
    summary: 'events were missed while disconnected; every figure is being reloaded',
    sandbox: false,
  };
}

/** Newest first, at most `limit` entries; an id already in the log (a replayed event) is not added twice. */
export function appendEntry(log: readonly EventLogEntry[], entry: EventLogEntry, limit = EVENT_LOG_LIMIT): EventLogEntry[] {
  if (log.some((existing) => existing.id === entry.id)) return [...log];
  return [entry, ...log].slice(0, limit);
}
