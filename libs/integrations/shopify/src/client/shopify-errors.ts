import {
  AuthRevokedError,
  MalformedResponseError,
  RateLimitedError,
  RequestRejectedError,
  SyncFailure,
  TransientError,
} from '@ops/sync-core';
import { redactSecrets } from '@ops/sse-events';
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

/** Translates what `@shopify/shopify-api` throws into the domain errors the runner acts on. */
export function toSyncFailure(error: unknown, store: string): Error {
  if (error instanceof SyncFailure) return error;
  const message = redactSecrets(`${store}: ${(error as Error)?.message ?? String(error)}`).slice(0, 500);
  if (error instanceof GraphqlQueryError) {
    const graphQLErrors = (error.body as GraphqlErrorBody | undefined)?.errors?.graphQLErrors ?? [];
    if (graphQLErrors.some((e) => e.extensions?.code === 'THROTTLED')) return new RateLimitedError(`${store}: THROTTLED`);
    return new RequestRejectedError(message, 200, 'GRAPHQL_ERROR');
  }
  if (error instanceof HttpThrottlingError) {
    const retryAfter = error.response.retryAfter;
    return new RateLimitedError(`${store}: HTTP 429`, retryAfter === undefined ? undefined : retryAfter * 1000);
  }
  if (error instanceof HttpResponseError) {
    const status = error.response.code;
    if (status === 401 || status === 403) return new AuthRevokedError(`${store}: HTTP ${status}, access token rejected`);
    if (status >= 500) return new TransientError(message, `HTTP_${status}`);
    if (status === 200) {
      return CUT_OFF.test(error.message)
        ? new TransientError(`${store}: response cut off`, 'TRUNCATED')
        : new MalformedResponseError(`${store}: response is not valid GraphQL JSON`);
    }
    return new RequestRejectedError(message, status);
  }
  if (error instanceof HttpMaxRetriesError || error instanceof HttpRequestError) return new TransientError(message, 'NETWORK');
  return error instanceof Error ? error : new Error(message);
}
