import { SyncFailure } from '@ops/sync-core';

/**
 * The Xero connection cannot be used until someone connects it again (`invalid_grant`: the refresh
 * token was revoked, expired, or spent more than 30 minutes ago; or no connection was ever made).
 * Never retried.
 */
export class ReauthorizationRequiredError extends SyncFailure {
  override readonly name = 'ReauthorizationRequiredError';
  readonly retryable = false;
  readonly code = 'reauthorization_required';
}

/** A tenant named in `XERO_TENANTS` is not among the connection's `/connections`. */
export class TenantNotConnectedError extends SyncFailure {
  override readonly name = 'TenantNotConnectedError';
  readonly retryable = false;
  readonly code = 'tenant_not_connected';
}
