import { defineWorker } from '@ops/sync-core';

import { type AmazonConfig, readAmazonConfig } from './config/amazon.config';
import { createAmazonClient } from './amazon-clients';
import { AmazonSync } from './amazon.sync';

/** The Amazon SP-API worker (FBA inventory, orders, inbound shipments), as the platform's registry lists it. */
export const amazonWorker = defineWorker<AmazonConfig>({
  integration: 'amazon',
  title: 'Amazon',
  readConfig(env) {
    const config = readAmazonConfig(env);
    if (!config) return { configured: false, reason: 'AMAZON_MARKETPLACES is not set (name the marketplaces, e.g. AMAZON_MARKETPLACES=A1F83G8C2ARO7P,A1PA6795UKMFR9)' };
    return { configured: true, config, accounts: config.marketplaces.map((m) => ({ id: m.id, label: m.currency })), cron: config.cron };
  },
  createJob(config, { database, sealer, shutdownSignal }) {
    return new AmazonSync(config, createAmazonClient(config, database, sealer, { hooks: { signal: shutdownSignal } }));
  },
});
