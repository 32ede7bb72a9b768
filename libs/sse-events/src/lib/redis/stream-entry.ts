import type { Envelope } from '../envelope';
import { parseEnvelope } from '../validation';
import { ENVELOPE_FIELD } from './redis-stream.options';

/** One event read from the stream: its stream entry id (`<ms>-<seq>`) and the envelope it holds. */
export interface StreamEntry {
  streamId: string;
  envelope: Envelope;
}

/** A raw entry as ioredis returns it: `[id, [field, value, field, value, ...]]`. */
export type RawStreamEntry = [id: string, fields: string[]];

/**
 * Decodes raw entries, oldest first. An entry that is not a valid envelope (written by something
 * else, or by an older contract) is reported through `onInvalid` and skipped, never delivered.
 */
export function decodeEntries(raw: readonly RawStreamEntry[], onInvalid?: (streamId: string, reason: string) => void): StreamEntry[] {
  const entries: StreamEntry[] = [];
  for (const [streamId, fields] of raw) {
    let json: string | undefined;
    for (let i = 0; i + 1 < fields.length && json === undefined; i += 2)
      if (fields[i] === ENVELOPE_FIELD) json = fields[i + 1];
    if (json === undefined) {
      onInvalid?.(streamId, `no "${ENVELOPE_FIELD}" field`);
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      onInvalid?.(streamId, 'envelope is not JSON');
      continue;
    }
    const parsed = parseEnvelope(value);
    if (parsed.ok) entries.push({ streamId, envelope: parsed.value });
    else onInvalid?.(streamId, parsed.error);
  }
  return entries;
}

/** Stream ids compare as (ms, seq) pairs; true when `a` comes after `b`. */
export function streamIdAfter(a: string, b: string): boolean {
  const [aMs, aSeq] = a.split('-').map(BigInt);
  const [bMs, bSeq] = b.split('-').map(BigInt);
  return aMs > bMs || (aMs === bMs && (aSeq ?? 0n) > (bSeq ?? 0n));
}
