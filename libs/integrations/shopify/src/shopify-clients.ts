import { getCredentialState, saveCredentialState, type Database } from '@ops/store';
import type { RetryHooks, RetryPolicy } from '@ops/sync-core';

import type { ShopifyConfig, ShopifyStoreConfig } from './config/shopify.config';
import { ShopifyClient } from './client/shopify.client';
import { ClientCredentialsTokenProvider, type IssuedToken, StaticTokenProvider, type TokenStore } from './client/token-provider';
import { INTEGRATION } from './store-page.writer';

/** Issued client-credentials tokens live in the account's credential state, saved before use. */
function tokenStore(database: Database, storeId: string): TokenStore {
  return {
    load: async () => {
      const state = await getCredentialState(database.db, INTEGRATION, storeId);
      const { accessToken, expiresAt } = (state ?? {}) as Partial<IssuedToken>;
      return typeof accessToken === 'string' && typeof expiresAt === 'number' ? { accessToken, expiresAt } : undefined;
    },
    save: (token) => saveCredentialState(database.db, INTEGRATION, storeId, { ...token }),
  };
}

function baseUrl(store: ShopifyStoreConfig): string {
  return store.endpoint ?? `https://${store.domain}`;
}

/** One client per configured store, keyed by shop domain. */
export function createShopifyClients(
  config: ShopifyConfig,
  database: Database,
  retry?: { policy?: RetryPolicy; hooks?: RetryHooks },
): Map<string, ShopifyClient> {
  return new Map(
    config.stores.map((store) => {
      const tokens =
        store.accessToken !== undefined
          ? new StaticTokenProvider(store.accessToken)
          : new ClientCredentialsTokenProvider(
              { baseUrl: baseUrl(store), clientId: store.clientId ?? '', clientSecret: store.clientSecret ?? '' },
              tokenStore(database, store.domain),
            );
      const client = new ShopifyClient({ store, apiVersion: config.apiVersion, tokens, retry: retry?.policy, hooks: retry?.hooks });
      return [store.domain, client];
    }),
  );
}
