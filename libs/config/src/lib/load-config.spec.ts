import { z } from 'zod';

import { ConfigError, loadConfig } from './load-config';

const schema = z.object({
  SHOPIFY_SYNC_CRON: z.string().default('*/15 * * * *'),
  SHOPIFY_STORES: z.string().min(1, 'name at least one store'),
  SHOPIFY_ACCESS_TOKEN: z.string().regex(/^shpat_[a-f0-9]{32}$/, 'must be an Admin API access token (shpat_...)'),
  HUB_URL: z.url(),
});

describe('loadConfig', () => {
  it('returns the typed config with defaults applied', () => {
    const config = loadConfig(schema, {
      SHOPIFY_STORES: 'acme-uk.myshopify.com',
      SHOPIFY_ACCESS_TOKEN: `shpat_${'a'.repeat(32)}`,
      HUB_URL: 'http://127.0.0.1:3000',
    });
    expect(config.SHOPIFY_SYNC_CRON).toBe('*/15 * * * *');
  });

  it('names every bad variable at once and never prints a secret value', () => {
    const leaked = 'shpat_not-a-real-token-but-secret';
    const error = (() => {
      try {
        loadConfig(schema, { SHOPIFY_ACCESS_TOKEN: leaked, HUB_URL: 'not a url' }, { secrets: ['SHOPIFY_ACCESS_TOKEN'] });
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.problems.map((p) => p.split(':')[0])).toEqual(['SHOPIFY_STORES', 'SHOPIFY_ACCESS_TOKEN', 'HUB_URL']);
    expect(error.message).toContain('SHOPIFY_ACCESS_TOKEN: must be an Admin API access token');
    expect(error.message).not.toContain(leaked);
  });
});
