import type { CredentialSealer, Database } from '@ops/store';
import { databaseExclusive, type RetryHooks, sealedTokenStorage } from '@ops/sync-core';

import { XeroConnection } from './auth/xero-connection';
import { XeroIdentityClient, type XeroTokenSet } from './auth/xero-identity.client';
import type { XeroConfig } from './config/xero.config';
import { XeroAccountingClient } from './client/xero-accounting.client';
import { listTenants } from './client/xero-connections';
import type { XeroSyncParts } from './xero.sync';
import { INTEGRATION } from './xero-tenant.sync';

/** The stored account that holds the connection's sealed token set. */
export const CONNECTION_ACCOUNT = 'connection';

/** The connection's token set, sealed in the store, refreshed under a cross-process lock. */
export function createXeroConnection(
  config: XeroConfig,
  database: Database,
  sealer: CredentialSealer,
  options: { log?: (message: string) => void; signal?: AbortSignal } = {},
): XeroConnection {
  const identity = new XeroIdentityClient(config.endpoints, config);
  const storage = sealedTokenStorage<XeroTokenSet>(database, sealer, { integration: INTEGRATION, accountId: CONNECTION_ACCOUNT });
  return new XeroConnection(config, identity, storage, {
    exclusive: databaseExclusive(database, `oauth:${INTEGRATION}:${CONNECTION_ACCOUNT}`, { ...(options.signal ? { signal: options.signal } : {}) }),
    ...options,
  });
}

/** Everything a {@link XeroSync} needs, wired from configuration. */
export function createXeroSyncParts(
  config: XeroConfig,
  database: Database,
  sealer: CredentialSealer,
  options: { hooks?: RetryHooks; log?: (message: string) => void } = {},
): XeroSyncParts {
  const signal = options.hooks?.signal;
  const connection = createXeroConnection(config, database, sealer, { ...(options.log ? { log: options.log } : {}), ...(signal ? { signal } : {}) });
  const authorized = <T>(call: (accessToken: string) => Promise<T>) => connection.authorized(call);
  return {
    accessToken: () => connection.accessToken(),
    accounting: new XeroAccountingClient({
      basePath: config.endpoints.accounting,
      authorized,
      limits: { perDay: config.dayLimit },
      ...(options.hooks ? { hooks: options.hooks } : {}),
    }),
    tenants: () => listTenants(config.endpoints.connections, authorized, options.hooks),
  };
}
