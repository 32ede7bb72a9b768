import type { CredentialSealer, Database } from '@ops/store';
import { OAuthTokenStore, type RetryHooks, type RetryPolicy, sealedTokenStorage } from '@ops/sync-core';

import type { AmazonConfig } from './config/amazon.config';
import { localEndpointAgent } from './client/local-endpoint.agent';
import { requestLwaToken } from './client/lwa-token';
import { OperationThrottle } from './client/operation-throttle';
import { SpApiClient } from './client/sp-api.client';
import { INTEGRATION } from './mapping/order.mapper';

/** The account row that holds the seller's LWA access token (one grant serves every marketplace). */
export const tokenAccountOf = (config: Pick<AmazonConfig, 'region'>) => `sp-api-${config.region}`;

/**
 * The one SP-API client of the configured seller: its access token sealed in the account row and
 * renewed 5 minutes before its hour ends, its per-operation buckets shared by every marketplace
 * (Amazon meters per seller and application, not per marketplace).
 */
export function createAmazonClient(
  config: AmazonConfig,
  database: Database,
  sealer: CredentialSealer,
  retry: { policy?: RetryPolicy; hooks?: RetryHooks } = {},
): SpApiClient {
  const tokens = new OAuthTokenStore({
    storage: sealedTokenStorage(database, sealer, { integration: INTEGRATION, accountId: tokenAccountOf(config) }),
    refresh: () => requestLwaToken(config),
  });
  return new SpApiClient(config, tokens, new OperationThrottle(), {
    policy: retry.policy,
    hooks: retry.hooks,
    ...(config.endpoint ? { agent: localEndpointAgent(config.endpoint) } : {}),
  });
}
