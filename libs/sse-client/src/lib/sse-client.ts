import type { EventSourceMessage } from 'eventsource-parser';

import { type AttemptEnd, type AttemptSettings, connectOnce } from './connect-attempt';
import { classifyFrame } from './frame';
import { isFinalRefusal } from './http-refusal';
import { delayAfterRefusal } from './reconnect-delay';
import type { SseClientOptions } from './sse-client.options';
import type { SseClientFailure } from './sse-client.types';
import { SseSubscriberBase } from './sse-subscriber-base';

function defaultBaseUrl(): string {
  const origin = (globalThis as { location?: { origin?: string } }).location?.origin;
  if (!origin) throw new TypeError('baseUrl is required outside a browser page');
  return origin;
}

/**
 * One SSE connection to the hub for any number of channels. Every frame is validated with the
 * contract before a listener sees it; the connection is reopened with backoff and `Last-Event-ID`
 * until `close()` or a refusal that retrying cannot fix. Connects as soon as it has a channel.
 */
export class SseClient extends SseSubscriberBase {
  private readonly settings: AttemptSettings;
  private lastEventId: string | undefined;
  private serverRetryMs: number | undefined;
  private attemptController: AbortController | undefined;
  private wake: (() => void) | undefined;
  private running = false;
  private hasOpened = false;
  private ticketRetried = false;
  /** Failed attempts since the stream was last open: the backoff exponent. */
  private failures = 0;

  constructor(private readonly options: SseClientOptions = {}) {
    super();
    this.settings = {
      baseUrl: options.baseUrl ?? defaultBaseUrl(),
      fetchFn: options.fetch ?? globalThis.fetch.bind(globalThis),
      getToken: options.getToken,
      requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
      idleTimeoutMs: options.idleTimeoutMs ?? 75_000,
    };
    this.lastEventId = options.lastEventId;
    if (options.channels?.length) this.subscribe(options.channels);
  }

  /** The id of the last event received, sent as `Last-Event-ID` on the next connect. */
  get lastReceivedId(): string | undefined {
    return this.lastEventId;
  }

  close(): void {
    this.stop(undefined);
  }

  private stop(failure: SseClientFailure | undefined): void {
    if (this.state === 'closed') return;
    this.setState('closed', failure);
    this.attemptController?.abort();
    this.wake?.();
  }

  /** A method, not a comparison, so TypeScript does not narrow the state across an `await`. */
  private isClosed(): boolean {
    return this.state === 'closed';
  }

  /** Reconnects now with the current channel set (starting the loop if it is idle). */
  protected channelsChanged(): void {
    if (this.state === 'closed') return;
    if (!this.running) {
      this.running = true;
      // On a microtask, so that several `subscribe` calls in a row open one connection.
      queueMicrotask(() => void this.run());
      return;
    }
    this.attemptController?.abort();
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (this.state !== 'closed') {
      const channels = this.channelSet.names;
      if (channels.length === 0) {
        this.setState('connecting');
        break;
      }
      const end = await this.attempt(channels);
      if (this.isClosed()) break;
      if (end.kind === 'aborted') continue;
      if (end.kind === 'refused' && end.status === 401 && this.options.getToken && !this.ticketRetried) {
        // The ticket expired or was spent between issue and use: one fresh ticket, at once.
        this.ticketRetried = true;
        continue;
      }
      if ((end.kind === 'refused' || end.kind === 'ticket-refused') && isFinalRefusal(end.status)) {
        this.stop({ status: end.status, message: end.message });
        break;
      }
      this.failures++;
      this.setState('reconnecting');
      const retryAfter = end.kind === 'refused' ? end.retryAfterMs : undefined;
      await this.pause(delayAfterRefusal(this.failures, this.options.backoff ?? {}, this.serverRetryMs, retryAfter));
    }
    this.running = false;
  }

  private attempt(channels: readonly string[]): Promise<AttemptEnd> {
    const controller = new AbortController();
    this.attemptController = controller;
    if (this.state === 'open') this.setState('connecting');
    const resumeFrom = this.lastEventId;
    const handlers = {
      onOpen: () => this.opened(resumeFrom),
      onMessage: (message: EventSourceMessage) => this.handle(message),
      onRetry: (ms: number) => (this.serverRetryMs = ms),
    };
    return connectOnce(this.settings, channels, resumeFrom, handlers, controller.signal);
  }

  private opened(resumeFrom: string | undefined): void {
    const reopened = this.hasOpened;
    this.hasOpened = true;
    this.ticketRetried = false;
    this.failures = 0;
    this.setState('open');
    // Events published while we were away are lost without an id to replay from.
    if (reopened && resumeFrom === undefined) this.listeners.gap.emit({ reason: 'no_resume_point' });
  }

  private handle(message: EventSourceMessage): void {
    if (this.state === 'closed') return;
    const frame = classifyFrame(message);
    // An id moves the resume point even when its frame is invalid, so a replay does not resend it.
    if (message.id !== undefined && message.id !== '') this.lastEventId = message.id;
    switch (frame.kind) {
      case 'event':
        this.deliverOnce(frame.envelope);
        return;
      case 'gap':
        this.listeners.gap.emit(frame.gap);
        return;
      case 'invalid':
        this.listeners.invalid.emit(frame.report);
        return;
      case 'connected':
      case 'auth_expired':
        return;
    }
  }

  /** Waits `ms`, or less if `close()` or a channel change wakes the loop. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}

/** Creates a client that owns its connection. */
export function createSseClient(options: SseClientOptions = {}): SseClient {
  return new SseClient(options);
}
