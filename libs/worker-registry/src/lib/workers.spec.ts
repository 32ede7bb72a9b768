import { ConfigError } from '@ops/sync-core';

import { WORKERS } from './workers';

describe('WORKERS', () => {
  it('names each integration once', () => {
    const names = WORKERS.map((worker) => worker.integration);
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names).size).toBe(names.length);
  });

  const external = WORKERS.filter((worker) => worker.integration !== 'forecast');

  it('lists every external system and the forecast job', () => {
    expect(WORKERS.map((worker) => worker.integration).sort()).toEqual(['amazon', 'forecast', 'shopify', 'unleashed', 'xero']);
  });

  it.each(external.map((worker) => [worker.integration, worker] as const))(
    '%s answers "not configured" with a reason for an empty environment, without throwing',
    (_name, worker) => {
      const answer = worker.readConfig({});
      expect(answer).toEqual({ configured: false, reason: expect.stringMatching(/\S{3,}/) });
    },
  );

  it('the forecast job needs no credentials (it reads only the store): configured with defaults for an empty environment', () => {
    const forecast = WORKERS.find((worker) => worker.integration === 'forecast');
    expect(forecast?.readConfig({})).toMatchObject({ configured: true, cron: '30 2 * * *' });
  });

  it('a present but wrong configuration is a ConfigError, not "not configured"', () => {
    const shopify = WORKERS.find((worker) => worker.integration === 'shopify');
    expect(() => shopify?.readConfig({ SHOPIFY_STORES: 'uk', SHOPIFY_UK_DOMAIN: 'not a domain' })).toThrow(ConfigError);
  });
});
