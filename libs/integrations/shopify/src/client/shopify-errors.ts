import { classifyHttpStatus } from '@ops/resilience';
import { redactSecrets } from '@ops/sse-events';
import {
  MalformedResponseError,
  RateLimitedError,
  RequestRejectedError,
  SyncFailure,
  TransientError,
} from '@ops/sync-core';
import {
  GraphqlQueryError,
  HttpMaxRetriesError,
  HttpRequestError,
  HttpResponseError,
  HttpThrottlingError,
} from '@shopify/shopify-api';

/** Signs that a 200 response's body was cut off in transit, not malformed by the server. */
const CUT_OFF = /terminated|other side closed|ECONNRESET|socket hang up|premature close/i;

interface GraphqlErrorBody {
  errors?: { graphQLErrors?: { message?: string; extensions?: { code?: string } }[] };
}

/**
 * Translates what `@shopify/shopify-api` throws into the domain errors the runner acts on; an HTTP
 * status is classified by the shared `classifyHttpStatus`.
 */
export function toSyncFailure(error: unknown, store: string): Error {
  if (error instanceof SyncFailure) return error;
  const message = redactSecrets(`${store}: ${(error as Error)?.message ?? String(error)}`).slice(0, 500);
  if (error instanceof GraphqlQueryError) {
    const graphQLErrors = (error.body as GraphqlErrorBody | undefined)?.errors?.graphQLErrors ?? [];
    if (graphQLErrors.some((e) => e.extensions?.code === 'THROTTLED')) return new RateLimitedError(`${store}: THROTTLED`);
    return new RequestRejectedError(message, 200, 'GRAPHQL_ERROR');
  }
  if (error instanceof HttpResponseError) {
    const status = error.response.code;
    if (status === 200) {
      return CUT_OFF.test(error.message)
        ? new TransientError(`${store}: response cut off`, 'TRUNCATED')
        : new MalformedResponseError(`${store}: response is not valid GraphQL JSON`);
    }
    // The SDK has already read `Retry-After` (seconds) on a 429.
    const retryAfter = error instanceof HttpThrottlingError ? error.response.retryAfter : undefined;
    const failure = classifyHttpStatus(status, {
      what: store,
      retryAfter: retryAfter === undefined ? undefined : String(retryAfter),
      detail: status === 401 || status === 403 ? 'access token rejected' : redactSecrets(error.message).slice(0, 300),
    });
    return failure ?? new RequestRejectedError(message, status);
  }
  if (error instanceof HttpMaxRetriesError || error instanceof HttpRequestError) return new TransientError(message, 'NETWORK');
  return error instanceof Error ? error : new Error(message);
}
