import { classifyHttpStatus, classifyNetworkError, isRetryable, type RetryPolicy, withRetry } from '@ops/resilience';

import type { Envelope } from '../envelope';
import { asArray, type EventPublisher } from './event-publisher';

export interface HttpPublisherOptions {
  /** Hub base URL, e.g. `http://127.0.0.1:3000`; envelopes are POSTed to `{hubUrl}/events`. */
  hubUrl: string;
  /** Publisher credential, sent as `Authorization: Bearer`. Never included in errors. */
  token: string;
  /** Total tries per publish, first one included. Default 5. */
  maxAttempts?: number;
  /** First retry delay; doubles per retry. Default 200 ms. */
  baseDelayMs?: number;
  /** Cap on any single delay, `Retry-After` included. Default 30 s. */
  maxDelayMs?: number;
  /** Per-request timeout. Default 10 s. */
  timeoutMs?: number;
}

/** The hub refused the events (a 4xx other than 429): retrying the same request cannot help. */
export class HubRejectedError extends Error {
  override readonly name = 'HubRejectedError';
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(`hub rejected the events with HTTP ${status}: ${detail}`);
  }
}

/** Every try failed on a network error, a timeout, a 5xx or a 429. */
export class PublishFailedError extends Error {
  override readonly name = 'PublishFailedError';
  constructor(
    readonly attempts: number,
    readonly lastFailure: string,
  ) {
    super(`publishing to the hub failed after ${attempts} attempts; last failure: ${lastFailure}`);
  }
}

/**
 * Workers' transport when no broker is configured: POSTs envelopes as one JSON array to the hub's
 * ingest endpoint. Retries network errors, timeouts, 5xx and 429 (honouring `Retry-After`) with
 * backoff; other 4xx responses fail at once with {@link HubRejectedError}.
 */
export class HttpPublisher implements EventPublisher {
  private readonly endpoint: string;
  private readonly policy: RetryPolicy;
  private readonly timeoutMs: number;
  private closed = false;

  constructor(private readonly options: HttpPublisherOptions) {
    this.endpoint = new URL('/events', options.hubUrl).toString();
    this.policy = {
      maxAttempts: options.maxAttempts ?? 5,
      baseDelayMs: options.baseDelayMs ?? 200,
      maxDelayMs: options.maxDelayMs ?? 30_000,
    };
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  async publish(envelopes: Envelope | readonly Envelope[]): Promise<void> {
    if (this.closed) throw new Error('HttpPublisher is closed');
    const body = JSON.stringify(asArray(envelopes));
    try {
      await withRetry(() => this.attempt(body), this.policy);
    } catch (error) {
      // Only retryable failures survive every try; a rejection was thrown as HubRejectedError.
      if (isRetryable(error)) throw new PublishFailedError(this.policy.maxAttempts, (error as Error).message);
      throw error;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  /** One POST; resolves when the hub accepted the events, else throws the classified failure. */
  private async attempt(body: string): Promise<void> {
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.token}` },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw classifyNetworkError(error);
    }
    const detail = (await response.text().catch(() => '')).slice(0, 500);
    if (response.ok) return;
    const failure = classifyHttpStatus(response.status, { retryAfter: response.headers.get('retry-after') });
    if (failure?.retryable) throw failure;
    throw new HubRejectedError(response.status, detail);
  }
}
