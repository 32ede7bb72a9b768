import { defineWorker } from '@ops/sync-core';

import { UnleashedClient } from './client/unleashed.client';
import { readUnleashedConfig, type UnleashedConfig } from './config/unleashed.config';
import { UnleashedSync } from './unleashed.sync';

/** The Unleashed worker, as the platform's registry lists it: one organisation per deployment. */
export const unleashedWorker = defineWorker<UnleashedConfig>({
  integration: 'unleashed',
  title: 'Unleashed',
  readConfig(env) {
    const config = readUnleashedConfig(env);
    if (!config) return { configured: false, reason: 'UNLEASHED_API_ID is not set (with UNLEASHED_API_KEY and UNLEASHED_CLIENT_TYPE)' };
    return {
      configured: true,
      config,
      accounts: [{ id: config.accountId, ...(config.label ? { label: config.label } : {}) }],
      cron: config.cron,
    };
  },
  createJob(config, { shutdownSignal }) {
    // The shutdown signal stops the client's waits, retries and requests in flight.
    return new UnleashedSync(config, () => new UnleashedClient({ ...config, hooks: { signal: shutdownSignal } }));
  },
});
