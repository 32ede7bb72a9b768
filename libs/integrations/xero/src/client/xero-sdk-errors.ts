import { classifyHttpStatus } from '@ops/resilience';
import { redactSecrets } from '@ops/sse-events';
import { type SyncFailure, TransientError } from '@ops/sync-core';

/** What xero-node rejects with: a JSON string of `{response:{statusCode,body,headers}}` for HTTP and network errors. */
interface SdkFailure {
  statusCode: number;
  headers: Record<string, string | undefined>;
  body: unknown;
}

export function sdkFailureOf(rejection: unknown): SdkFailure | undefined {
  let value = rejection;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  }
  const response = (value as { response?: { statusCode?: unknown; status?: unknown; headers?: unknown; body?: unknown; data?: unknown } } | null)?.response;
  if (!response || typeof response !== 'object') return undefined;
  const statusCode = typeof response.statusCode === 'number' ? response.statusCode : typeof response.status === 'number' ? response.status : 0;
  const headers = Object.fromEntries(
    Object.entries((response.headers as Record<string, unknown>) ?? {}).map(([k, v]) => [k.toLowerCase(), typeof v === 'string' ? v : v === undefined ? undefined : String(v)]),
  );
  return { statusCode, headers, body: response.body ?? response.data };
}

/**
 * The domain error for a failed xero-node call: HTTP statuses through `classifyHttpStatus`, no
 * answer at all (status 0) as a transient network error. The message carries the operation and a
 * short redacted excerpt of Xero's answer, never headers.
 */
export function classifySdkFailure(what: string, failure: SdkFailure): SyncFailure {
  if (failure.statusCode === 0) return new TransientError(`${what}: network error ${redactSecrets(String(failure.body ?? '')).slice(0, 120)}`, 'NETWORK');
  const detail = typeof failure.body === 'string' ? failure.body : JSON.stringify(failure.body ?? '');
  return (
    classifyHttpStatus(failure.statusCode, { what, retryAfter: failure.headers['retry-after'], detail: redactSecrets(detail.slice(0, 200)) }) ??
    new TransientError(`${what}: unexpected HTTP ${failure.statusCode}`, `HTTP_${failure.statusCode}`)
  );
}
