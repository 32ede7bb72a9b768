import { retryAfterMs } from '../backoff';
import { AuthRevokedError, RateLimitedError, RequestRejectedError, type SyncFailure, TransientError } from './sync-errors';

export interface HttpAnswerContext {
  /**
   * What was asked, e.g. `GET https://shop.example/orders.json`; messages start with it. Pass it
   * with credentials already redacted: it is used as given.
   */
  what?: string;
  /** The response's `Retry-After` header, as received. */
  retryAfter?: string | null;
  /** A short, redacted excerpt of the body; appended to messages for 4xx answers only. */
  detail?: string;
  /** Clock for an HTTP-date `Retry-After`. Default `Date.now()`. */
  now?: number;
}

/**
 * The domain error an HTTP status stands for, or `undefined` below 400 (not a failure):
 * 429 -> {@link RateLimitedError} (waiting what `Retry-After` asks, when it is readable);
 * 401/403 -> {@link AuthRevokedError}; any other 4xx -> {@link RequestRejectedError} (code
 * `HTTP_<status>`); 5xx -> {@link TransientError} (code `HTTP_<status>`, honouring `Retry-After`).
 */
export function classifyHttpStatus(status: number, context: HttpAnswerContext = {}): SyncFailure | undefined {
  if (status < 400) return undefined;
  const head = prefix(context.what, `HTTP ${status}`);
  const withDetail = context.detail ? `${head} ${context.detail}` : head;
  const askedMs = retryAfterMs(context.retryAfter, context.now);
  if (status === 429) return new RateLimitedError(head, askedMs);
  if (status === 401 || status === 403) return new AuthRevokedError(withDetail);
  if (status >= 500) return new TransientError(head, `HTTP_${status}`, askedMs);
  return new RequestRejectedError(withDetail, status);
}

/**
 * The domain error for a request that never got an answer (what `fetch` throws): a timeout or
 * abort -> {@link TransientError} `TIMEOUT`; a socket error -> `TransientError` with the system
 * code (`ECONNREFUSED`, ...) as its code, else `NETWORK`. Messages start with `what` when given.
 */
export function classifyNetworkError(error: unknown, what?: string): TransientError {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return new TransientError(prefix(what, 'timed out'), 'TIMEOUT');
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (typeof code === 'string') return new TransientError(prefix(what, `network error ${code}`), code);
  const message = error instanceof Error ? error.message : String(error);
  return new TransientError(prefix(what, `network error: ${message}`), 'NETWORK');
}

const prefix = (what: string | undefined, text: string) => (what ? `${what}: ${text}` : text);
