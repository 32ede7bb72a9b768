import { redactSecrets, retryAfterMs } from '@ops/sse-events';

import {
  AuthRevokedError,
  MalformedResponseError,
  RateLimitedError,
  RequestRejectedError,
  TransientError,
} from '../errors/sync-errors';

export interface FetchJsonOptions extends Omit<RequestInit, 'signal'> {
  /** Per-request timeout; every outbound request has one. Default 30 s. */
  timeoutMs?: number;
}

export interface JsonResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * One HTTP request with a timeout, its outcome classified into the domain errors:
 * 429 -> RateLimitedError (with `Retry-After`), 401/403 -> AuthRevokedError, 5xx, network errors,
 * timeouts and truncated bodies -> TransientError, other 4xx -> RequestRejectedError, a body that is
 * not JSON -> MalformedResponseError. Error messages carry the method and redacted URL, never headers.
 */
export async function fetchJson<T = unknown>(url: string, options: FetchJsonOptions = {}): Promise<JsonResponse<T>> {
  const { timeoutMs = 30_000, ...init } = options;
  const what = `${(init.method ?? 'GET').toUpperCase()} ${redactSecrets(url)}`;
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    text = await response.text();
  } catch (error) {
    throw networkFailure(what, error);
  }
  classifyStatus(what, response, text);
  try {
    return { status: response.status, headers: response.headers, body: JSON.parse(text) as T };
  } catch {
    throw new MalformedResponseError(`${what}: response is not valid JSON (${text.length} bytes)`);
  }
}

function classifyStatus(what: string, response: Response, text: string): void {
  const { status } = response;
  if (status < 400) return;
  const detail = redactSecrets(text.slice(0, 200));
  if (status === 429) {
    throw new RateLimitedError(`${what}: HTTP 429`, retryAfterMs(response.headers.get('retry-after')));
  }
  if (status === 401 || status === 403) throw new AuthRevokedError(`${what}: HTTP ${status} ${detail}`);
  if (status >= 500) throw new TransientError(`${what}: HTTP ${status}`, `HTTP_${status}`);
  throw new RequestRejectedError(`${what}: HTTP ${status} ${detail}`, status);
}

function networkFailure(what: string, error: unknown): TransientError {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new TransientError(`${what}: timed out`, 'TIMEOUT');
  }
  const code = (error as { cause?: { code?: string } }).cause?.code;
  return new TransientError(`${what}: ${code ?? (error as Error).message}`, code ?? 'NETWORK');
}
