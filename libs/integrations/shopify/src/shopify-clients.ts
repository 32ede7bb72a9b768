import type { CredentialSealer, Database } from '@ops/store';
import { type RetryHooks, type RetryPolicy, sealedTokenStorage } from '@ops/sync-core';

import type { ShopifyConfig, ShopifyStoreConfig } from './config/shopify.config';
import { ShopifyClient } from './client/shopify.client';
import { ClientCredentialsTokenProvider, type IssuedToken, StaticTokenProvider } from './client/token-provider';
import { INTEGRATION } from './store-page.writer';

function baseUrl(store: ShopifyStoreConfig): string {
  return store.endpoint ?? `https://${store.domain}`;
}

/**
 * One client per configured store, keyed by shop domain. Client-credentials tokens are kept in
 * the store's account row, sealed with `sealer`, and saved before use.
 */
export function createShopifyClients(
  config: ShopifyConfig,
  database: Database,
  sealer: CredentialSealer,
  retry?: { policy?: RetryPolicy; hooks?: RetryHooks },
): Map<string, ShopifyClient> {
  return new Map(
    config.stores.map((store) => {
      const tokens =
        store.accessToken !== undefined
          ? new StaticTokenProvider(store.accessToken)
          : new ClientCredentialsTokenProvider(
              { baseUrl: baseUrl(store), clientId: store.clientId ?? '', clientSecret: store.clientSecret ?? '' },
              sealedTokenStorage<IssuedToken>(database, sealer, { integration: INTEGRATION, accountId: store.domain }),
            );
      const client = new ShopifyClient({ store, apiVersion: config.apiVersion, tokens, retry: retry?.policy, hooks: retry?.hooks });
      return [store.domain, client];
    }),
  );
}
