import { defineWorker } from '@ops/sync-core';

import { readShopifyConfig, type ShopifyConfig } from './config/shopify.config';
import { createShopifyClients } from './shopify-clients';
import { ShopifySync } from './shopify.sync';

/** The multistore Shopify worker, as the platform's registry lists it. */
export const shopifyWorker = defineWorker<ShopifyConfig>({
  integration: 'shopify',
  title: 'Shopify',
  readConfig(env) {
    const config = readShopifyConfig(env);
    if (!config) return { configured: false, reason: 'SHOPIFY_STORES is not set (name the stores, e.g. SHOPIFY_STORES=uk,eu)' };
    return {
      configured: true,
      config,
      accounts: config.stores.map((store) => ({ id: store.domain, ...(store.label ? { label: store.label } : {}) })),
      cron: config.cron,
    };
  },
  createJob(config, { database, sealer, shutdownSignal }) {
    // The shutdown signal stops a client's waits, retries and requests in flight.
    return new ShopifySync(config, createShopifyClients(config, database, sealer, { hooks: { signal: shutdownSignal } }));
  },
});
