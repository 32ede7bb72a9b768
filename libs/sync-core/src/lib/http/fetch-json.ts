import { classifyHttpStatus, classifyNetworkError, MalformedResponseError } from '@ops/resilience';
import { redactSecrets } from '@ops/sse-events';

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
 * One HTTP request with a timeout, its outcome classified into the domain errors by
 * `classifyHttpStatus` / `classifyNetworkError` (`@ops/resilience`): 429 -> RateLimitedError (with
 * `Retry-After`), 401/403 -> AuthRevokedError, 5xx, network errors, timeouts and truncated bodies ->
 * TransientError, other 4xx -> RequestRejectedError; a body that is not JSON -> MalformedResponseError.
 * Error messages carry the method and redacted URL, never headers.
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
    throw classifyNetworkError(error, what);
  }
  const failure = response.ok
    ? undefined
    : classifyHttpStatus(response.status, {
        what,
        retryAfter: response.headers.get('retry-after'),
        detail: redactSecrets(text.slice(0, 200)),
      });
  if (failure) throw failure;
  try {
    return { status: response.status, headers: response.headers, body: JSON.parse(text) as T };
  } catch {
    throw new MalformedResponseError(`${what}: response is not valid JSON (${text.length} bytes)`);
  }
}
