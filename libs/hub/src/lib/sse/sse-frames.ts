/**
 * SSE wire encoding. Every frame is built once and shared, byte for byte, by every subscriber
 * that receives it.
 */

/**
 * The HTTP head of a stream, written straight to the socket. The body is delimited by the
 * connection closing (no chunked encoding), so one frame Buffer can go to every socket unchanged.
 */
export const STREAM_HEAD = Buffer.from(
  'HTTP/1.1 200 OK\r\n' +
    'Content-Type: text/event-stream; charset=utf-8\r\n' +
    'Cache-Control: no-cache, no-transform\r\n' +
    'X-Accel-Buffering: no\r\n' +
    'Connection: close\r\n' +
    '\r\n',
  'latin1',
);

/** The heartbeat: a comment line that clients ignore and proxies see as traffic. */
export const HEARTBEAT_FRAME = Buffer.from(':\n\n', 'latin1');

/** Sent to every stream when the hub shuts down, just before the connection closes. */
export const SHUTDOWN_FRAME = Buffer.from(': hub shutting down\n\n', 'latin1');

/**
 * Rejects field values that would break SSE framing. The contract already limits ids and types to
 * safe characters; this guards against a future contract change silently corrupting streams.
 */
function assertSingleLine(field: string, value: string): void {
  if (/[\r\n]/.test(value))
    throw new Error(`SSE ${field} must not contain a line break`);
}

/**
 * Encodes one event. `data` must be single-line JSON (JSON.stringify never emits raw line breaks).
 * Omitting `id` leaves the client's Last-Event-ID unchanged, as the spec says.
 */
export function encodeEvent(event: string, data: string, id?: string): Buffer {
  assertSingleLine('event', event);
  assertSingleLine('data', data);
  const idLine =
    id === undefined ? '' : (assertSingleLine('id', id), `id: ${id}\n`);
  return Buffer.from(`${idLine}event: ${event}\ndata: ${data}\n\n`, 'utf8');
}

/** The reconnection delay hint, sent first on every stream. */
export function encodeRetry(retryMs: number): Buffer {
  return Buffer.from(
    `retry: ${Math.max(0, Math.trunc(retryMs))}\n\n`,
    'latin1',
  );
}

/** `connected` carries no `id:` so the client's Last-Event-ID keeps pointing at real events. */
export function encodeConnected(
  clientId: string,
  channels: readonly string[],
): Buffer {
  return encodeEvent('connected', JSON.stringify({ clientId, channels }));
}

/**
 * Tells a reconnecting client that the events after `lastEventId` cannot be replayed (too old for
 * the bounded history, or never seen), so it must refetch current state.
 */
export function encodeReplayGap(
  lastEventId: string,
  oldestAvailableId: string | undefined,
): Buffer {
  return encodeEvent(
    'replay_gap',
    JSON.stringify({
      lastEventId,
      oldestAvailableId: oldestAvailableId ?? null,
    }),
  );
}

/**
 * Tells a subscriber its credential's grant has ended, just before the stream closes. No `id:`, so
 * the client re-authenticates and resumes with the Last-Event-ID of the last real event.
 */
export function encodeAuthExpired(expiredAt: number): Buffer {
  return encodeEvent(
    'auth_expired',
    JSON.stringify({ expiredAt: new Date(expiredAt).toISOString() }),
  );
}
