import { ConfigError } from '@ops/sync-core';

import { readAmazonConfig } from './amazon.config';

const base = {
  AMAZON_MARKETPLACES: 'A1F83G8C2ARO7P,A1PA6795UKMFR9',
  AMAZON_CLIENT_ID: 'amzn1.application-oa2-client.abc',
  AMAZON_CLIENT_SECRET: 'amzn1.oa2-cs.v1.secret-value',
  AMAZON_REFRESH_TOKEN: 'Atzr|refresh-token-value',
};

describe('readAmazonConfig', () => {
  it('is not configured without AMAZON_MARKETPLACES', () => expect(readAmazonConfig({})).toBeUndefined());

  it('takes each marketplace currency and the region from Amazon\'s table, and the documented defaults', () => {
    expect(readAmazonConfig(base)).toMatchObject({
      region: 'eu',
      marketplaces: [
        { id: 'A1F83G8C2ARO7P', currency: 'GBP' },
        { id: 'A1PA6795UKMFR9', currency: 'EUR' },
      ],
      lowStockDays: 14,
      lowStockUnits: 10,
      windowDays: 30,
    });
  });

  it('names each bad variable and never prints a secret', () => {
    const env = { ...base, AMAZON_MARKETPLACES: 'A1F83G8C2ARO7P,ATVPDKIKX0DER', AMAZON_REGION: 'fe', AMAZON_ENDPOINT: 'https://example.com' };
    let error: unknown;
    try {
      readAmazonConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/AMAZON_MARKETPLACES: marketplaces span several SP-API regions/);
    expect(message).toMatch(/AMAZON_ENDPOINT/);
    expect(message).not.toContain(base.AMAZON_CLIENT_SECRET);
    expect(message).not.toContain(base.AMAZON_REFRESH_TOKEN);
  });

  it('accepts an unknown marketplace only with its currency', () => {
    expect(() => readAmazonConfig({ ...base, AMAZON_MARKETPLACES: 'AXXXXXXXXXXXX', AMAZON_REGION: 'eu' })).toThrow(/give its currency/);
    expect(readAmazonConfig({ ...base, AMAZON_MARKETPLACES: 'AXXXXXXXXXXXX:CHF', AMAZON_REGION: 'eu' })?.marketplaces).toEqual([{ id: 'AXXXXXXXXXXXX', currency: 'CHF' }]);
  });
});
