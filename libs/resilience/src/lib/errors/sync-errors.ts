/**
 * Domain errors: the runner decides retry or give up by class, never by message text.
 * Messages must already be free of secrets (see `serializeSyncError` in the contract).
 */
export abstract class SyncFailure extends Error {
  /** Whether trying the same request again later can succeed. */
  abstract readonly retryable: boolean;
  /** Stable code for `*:sync_error` payloads. */
  abstract readonly code: string;
}

/** The API said "slow down" (HTTP 429, a GraphQL THROTTLED error, an empty cost bucket). */
export class RateLimitedError extends SyncFailure {
  override readonly name = 'RateLimitedError';
  readonly retryable = true;
  readonly code = 'RATE_LIMITED';
  constructor(
    message: string,
    /** How long the API asked us to wait, when it said; otherwise backoff decides. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** Network error, timeout, truncated body or a 5xx: likely to pass on a later try. */
export class TransientError extends SyncFailure {
  override readonly name = 'TransientError';
  readonly retryable = true;
  constructor(
    message: string,
    readonly code = 'TRANSIENT',
    /** How long the server asked us to wait (a 503's `Retry-After`), when it said. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** The credential was rejected or revoked (401/403): retrying cannot help until someone fixes it. */
export class AuthRevokedError extends SyncFailure {
  override readonly name = 'AuthRevokedError';
  readonly retryable = false;
  readonly code = 'AUTH_REVOKED';
}

/** The response did not have the shape we rely on (bad JSON, missing fields). Never guessed around. */
export class MalformedResponseError extends SyncFailure {
  override readonly name = 'MalformedResponseError';
  readonly retryable = false;
  readonly code = 'MALFORMED_RESPONSE';
}

/** Any other 4xx: our request is wrong; retrying the same request cannot help. */
export class RequestRejectedError extends SyncFailure {
  override readonly name = 'RequestRejectedError';
  readonly retryable = false;
  constructor(
    message: string,
    readonly status: number,
    readonly code = `HTTP_${status}`,
  ) {
    super(message);
  }
}

/** True for errors worth another try; unknown errors are not (they are bugs until shown otherwise). */
export function isRetryable(error: unknown): boolean {
  return error instanceof SyncFailure && error.retryable;
}
