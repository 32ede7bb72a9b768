import { failureOf, type HttpFailure, refusalOf } from './http-refusal';
import { ticketUrl } from './stream-url';
import { timedSignal } from './timed-signal';

export type TicketResult = { readonly kind: 'ticket'; readonly ticket: string } | HttpFailure;

/**
 * Trades a subscriber token for a single-use stream ticket (`POST /sse/tickets` with
 * `Authorization: Bearer`). The ticket is valid for about 30 s, so it is fetched right before each
 * connect.
 */
export async function requestTicket(
  fetchFn: typeof fetch,
  baseUrl: string,
  token: string,
  outer: AbortSignal,
  timeoutMs: number,
): Promise<TicketResult> {
  const { signal, clear } = timedSignal(outer, timeoutMs, `no answer within ${timeoutMs} ms`);
  try {
    const response = await fetchFn(ticketUrl(baseUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      signal,
    });
    if (!response.ok) return await refusalOf(response);
    const body = (await response.json()) as { ticket?: unknown };
    if (typeof body.ticket !== 'string' || body.ticket === '') {
      return { kind: 'failed', message: 'POST /sse/tickets answered without a ticket' };
    }
    return { kind: 'ticket', ticket: body.ticket };
  } catch (error) {
    return failureOf(error, outer, 'POST /sse/tickets');
  } finally {
    clear();
  }
}
