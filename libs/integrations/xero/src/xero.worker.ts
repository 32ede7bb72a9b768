import { Logger } from '@nestjs/common';
import { defineWorker } from '@ops/sync-core';

import { readXeroConfig, type XeroConfig } from './config/xero.config';
import { connectXero } from './connect/xero-connect';
import { XeroSync } from './xero.sync';
import { createXeroSyncParts } from './xero-parts';

/** The Xero worker, as the platform's registry lists it. */
export const xeroWorker = defineWorker<XeroConfig>({
  integration: 'xero',
  title: 'Xero',
  readConfig(env) {
    const config = readXeroConfig(env);
    if (!config) return { configured: false, reason: 'XERO_CLIENT_ID and XERO_CLIENT_SECRET are not set (then run npm run connect -- xero)' };
    return {
      configured: true,
      config,
      accounts: (config.tenantFilter ?? []).map((id) => ({ id })),
      cron: config.cron,
    };
  },
  createJob(config, { database, sealer, shutdownSignal }) {
    const logger = new Logger('XeroSync');
    return new XeroSync(config, createXeroSyncParts(config, database, sealer, { hooks: { signal: shutdownSignal }, log: (line) => logger.warn(line) }));
  },
  connect: connectXero,
});
