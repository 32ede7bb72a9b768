import { createParser, type EventSourceMessage } from 'eventsource-parser';

import { type HttpFailure, refusalOf } from './http-refusal';

export interface StreamRequest {
  readonly url: string;
  readonly lastEventId: string | undefined;
  /** Longest wait for the response head. */
  readonly connectTimeoutMs: number;
  /** Longest silence (no byte, heartbeats included) before the stream counts as dead. */
  readonly idleTimeoutMs: number;
}

export interface StreamHandlers {
  /** The hub accepted the stream (2xx with `text/event-stream`). */
  onOpen(): void;
  onMessage(message: EventSourceMessage): void;
  /** The hub's `retry:` hint in milliseconds. */
  onRetry(ms: number): void;
}

/** How a stream ended: `ended` when the hub closed it after it opened, else why it failed. */
export type StreamEnd = { readonly kind: 'ended' } | HttpFailure;

/**
 * Opens one SSE stream with `fetch` and feeds it through `eventsource-parser` until it ends.
 * Sends `Last-Event-ID` when given. Never throws; `outer` aborting ends it as `aborted`.
 */
export async function readStream(fetchFn: typeof fetch, request: StreamRequest, handlers: StreamHandlers, outer: AbortSignal): Promise<StreamEnd> {
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(outer.reason);
  if (outer.aborted) return { kind: 'aborted' };
  outer.addEventListener('abort', onOuterAbort, { once: true });
  let timeout: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (ms: number, what: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timeout = what;
      controller.abort(new Error(what));
    }, ms);
  };
  const ended = (error: unknown, stage: string): StreamEnd => {
    if (outer.aborted) return { kind: 'aborted' };
    return { kind: 'failed', message: timeout ?? `${stage}: ${error instanceof Error ? error.message : String(error)}` };
  };
  try {
    arm(request.connectTimeoutMs, `no response within ${request.connectTimeoutMs} ms`);
    let response: Response;
    try {
      response = await fetchFn(request.url, {
        headers: { accept: 'text/event-stream', ...(request.lastEventId === undefined ? {} : { 'last-event-id': request.lastEventId }) },
        signal: controller.signal,
      });
    } catch (error) {
      return ended(error, 'connect');
    }
    if (!response.ok) return await refusalOf(response);
    const contentType = response.headers.get('content-type') ?? '';
    if (!contentType.startsWith('text/event-stream') || !response.body) {
      await response.body?.cancel();
      return { kind: 'failed', message: `expected text/event-stream, got ${JSON.stringify(contentType)}` };
    }
    handlers.onOpen();
    const idle = `no data for ${request.idleTimeoutMs} ms`;
    arm(request.idleTimeoutMs, idle);
    const parser = createParser({ onEvent: (message) => handlers.onMessage(message), onRetry: (ms) => handlers.onRetry(ms) });
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        arm(request.idleTimeoutMs, idle);
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } catch (error) {
      return ended(error, 'read');
    }
    return { kind: 'ended' };
  } finally {
    clearTimeout(timer);
    outer.removeEventListener('abort', onOuterAbort);
    controller.abort();
  }
}
