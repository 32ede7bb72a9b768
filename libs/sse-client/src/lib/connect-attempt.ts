import { readStream, type StreamEnd, type StreamHandlers } from './sse-stream';
import { streamUrl } from './stream-url';
import { requestTicket } from './ticket';

export interface AttemptSettings {
  readonly fetchFn: typeof fetch;
  readonly baseUrl: string;
  readonly getToken: (() => Promise<string>) | undefined;
  readonly requestTimeoutMs: number;
  readonly idleTimeoutMs: number;
}

/** How one attempt ended; `ticket-refused` is the ticket endpoint's refusal (bad or expired token). */
export type AttemptEnd = StreamEnd | { readonly kind: 'ticket-refused'; readonly status: number; readonly message: string };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * One connection attempt: with ticket auth first a token from `getToken` and a ticket for it, then
 * the stream (with `Last-Event-ID` when given) until it ends. Never throws.
 */
export async function connectOnce(
  settings: AttemptSettings,
  channels: readonly string[],
  lastEventId: string | undefined,
  handlers: StreamHandlers,
  signal: AbortSignal,
): Promise<AttemptEnd> {
  let ticket: string | undefined;
  if (settings.getToken) {
    let token: string;
    try {
      token = await settings.getToken();
    } catch (error) {
      return signal.aborted ? { kind: 'aborted' } : { kind: 'failed', message: `getToken: ${messageOf(error)}` };
    }
    const issued = await requestTicket(settings.fetchFn, settings.baseUrl, token, signal, settings.requestTimeoutMs);
    // 429 (too many outstanding tickets) is a wait-and-retry like any other 429.
    if (issued.kind === 'refused' && issued.status !== 429) return { kind: 'ticket-refused', status: issued.status, message: issued.message };
    if (issued.kind !== 'ticket') return issued;
    ticket = issued.ticket;
  }
  return readStream(
    settings.fetchFn,
    {
      url: streamUrl(settings.baseUrl, channels, ticket),
      lastEventId,
      connectTimeoutMs: settings.requestTimeoutMs,
      idleTimeoutMs: settings.idleTimeoutMs,
    },
    handlers,
    signal,
  );
}
