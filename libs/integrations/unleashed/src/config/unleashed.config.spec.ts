import { ConfigError } from '@ops/sync-core';

import { unleashedWorker } from '../unleashed.worker';
import { readUnleashedConfig, UNLEASHED_API_HOST } from './unleashed.config';

const KEY = 'c2VjcmV0LWtleS1vZi10aGUtb3JnYW5pc2F0aW9uLTEyMw==';
const base = {
  UNLEASHED_API_ID: '54f6a6bf-e005-4c30-89ab-5a9b3b6d6165',
  UNLEASHED_API_KEY: KEY,
  UNLEASHED_CLIENT_TYPE: 'acme/opsdashboard',
};

describe('readUnleashedConfig', () => {
  it('is not configured without UNLEASHED_API_ID, and says what to set', () => {
    expect(readUnleashedConfig({})).toBeUndefined();
    expect(unleashedWorker.readConfig({})).toEqual({
      configured: false,
      reason: expect.stringContaining('UNLEASHED_API_ID is not set'),
    });
  });

  it('reads the production host by default, pages of 1000, one account', () => {
    expect(readUnleashedConfig(base)).toEqual({
      apiId: base.UNLEASHED_API_ID,
      apiKey: KEY,
      clientType: 'acme/opsdashboard',
      baseUrl: UNLEASHED_API_HOST,
      sandbox: false,
      accountId: 'main',
      cron: '*/30 * * * *',
      pageSize: 1000,
    });
  });

  it('marks a local endpoint as the sandbox', () => {
    expect(readUnleashedConfig({ ...base, UNLEASHED_ENDPOINT: 'http://127.0.0.1:8770/' })).toMatchObject({
      baseUrl: 'http://127.0.0.1:8770',
      sandbox: true,
    });
  });

  it('names each bad variable and never prints the key', () => {
    const env = { ...base, UNLEASHED_API_KEY: 'short-key', UNLEASHED_CLIENT_TYPE: 'Acme Ops', UNLEASHED_PAGE_SIZE: '5000', UNLEASHED_ENDPOINT: 'https://evil.example' };
    let error: unknown;
    try {
      readUnleashedConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of ['UNLEASHED_API_KEY', 'UNLEASHED_CLIENT_TYPE', 'UNLEASHED_PAGE_SIZE', 'UNLEASHED_ENDPOINT']) expect(message).toContain(name);
    expect(message).not.toContain('short-key');
  });
});
