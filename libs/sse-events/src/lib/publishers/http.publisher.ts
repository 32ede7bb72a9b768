import type { Envelope } from '../envelope';
import { backoffDelay, retryAfterMs, sleep } from './backoff';
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

type Attempt = { done: true } | { done: false; failure: string; waitMs?: number };

/**
 * Workers' transport when no broker is configured: POSTs envelopes as one JSON array to the hub's
 * ingest endpoint. Retries network errors, timeouts, 5xx and 429 (honouring `Retry-After`) with
 * backoff; other 4xx responses fail at once with {@link HubRejectedError}.
 */
export class HttpPublisher implements EventPublisher {
  private readonly endpoint: string;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly timeoutMs: number;
  private closed = false;

  constructor(private readonly options: HttpPublisherOptions) {
    this.endpoint = new URL('/events', options.hubUrl).toString();
    this.maxAttempts = options.maxAttempts ?? 5;
    this.baseDelayMs = options.baseDelayMs ?? 200;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  async publish(envelopes: Envelope | readonly Envelope[]): Promise<void> {
    if (this.closed) throw new Error('HttpPublisher is closed');
    const body = JSON.stringify(asArray(envelopes));
    let lastFailure = '';
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const outcome = await this.attempt(body);
      if (outcome.done) return;
      lastFailure = outcome.failure;
      if (attempt < this.maxAttempts) {
        await sleep(Math.min(this.maxDelayMs, outcome.waitMs ?? backoffDelay(attempt, this.baseDelayMs, this.maxDelayMs)));
      }
    }
    throw new PublishFailedError(this.maxAttempts, lastFailure);
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private async attempt(body: string): Promise<Attempt> {
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.token}` },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      return { done: false, failure: describeNetworkError(error) };
    }
    const detail = (await response.text().catch(() => '')).slice(0, 500);
    if (response.ok) return { done: true };
    if (response.status === 429 || response.status >= 500) {
      return { done: false, failure: `HTTP ${response.status}`, waitMs: retryAfterMs(response.headers.get('retry-after')) };
    }
    throw new HubRejectedError(response.status, detail);
  }
}

function describeNetworkError(error: unknown): string {
  if ((error as { name?: unknown } | null)?.name === 'TimeoutError') return 'request timed out';
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ? `network error ${cause.code}` : `network error: ${(error as Error).message}`;
}
