import { type ShopifySandbox, startShopifySandbox } from '@ops/api-sandbox';
import { isRetryable } from '@ops/sync-core';

import { ClientCredentialsTokenProvider, type IssuedToken } from './token-provider';

const domain = 'tokens-uk.myshopify.com';

describe('ClientCredentialsTokenProvider against the sandbox token endpoint', () => {
  let now = Date.parse('2026-11-26T09:00:00Z');
  let sandbox: ShopifySandbox;
  const clock = () => now;
  const grants = () => sandbox.requests.filter((r) => r.api === 'oauth').length;

  beforeAll(async () => (sandbox = await startShopifySandbox({ shops: [{ domain, currency: 'GBP', orders: 1 }], clock })));
  afterAll(() => sandbox.close());

  function provider(saved: IssuedToken[] = []) {
    const { clientId, clientSecret } = sandbox.credentials(domain);
    return new ClientCredentialsTokenProvider(
      { baseUrl: sandbox.shopUrl(domain), clientId, clientSecret },
      { load: async () => saved.at(-1), save: async (token) => void saved.push(token) },
      clock,
    );
  }

  it('asks once, reuses the 24-hour token, and renews it an hour before expiry', async () => {
    const saved: IssuedToken[] = [];
    const tokens = provider(saved);
    const before = grants();
    const first = await tokens.accessToken();
    expect(await tokens.accessToken()).toBe(first);
    expect(grants() - before).toBe(1);
    expect(saved[0]).toEqual({ accessToken: first, expiresAt: now + 86_399_000 });

    now += 22 * 3_600_000; // 22 h later: still 2 h left
    expect(await tokens.accessToken()).toBe(first);
    now += 90 * 60_000; // 30 min left: renew now, before it can expire mid-sync
    const second = await tokens.accessToken();
    expect(second).not.toBe(first);
    expect(grants() - before).toBe(2);
    expect(saved.at(-1)?.accessToken).toBe(second);
  });

  it('a restarted process reuses the stored token instead of asking again', async () => {
    const saved: IssuedToken[] = [];
    const token = await provider(saved).accessToken();
    const before = grants();
    expect(await provider(saved).accessToken()).toBe(token);
    expect(grants()).toBe(before);
  });

  it('concurrent callers share one grant request', async () => {
    const tokens = provider();
    const before = grants();
    const all = await Promise.all([tokens.accessToken(), tokens.accessToken(), tokens.accessToken()]);
    expect(new Set(all).size).toBe(1);
    expect(grants() - before).toBe(1);
  });

  it('wrong client credentials fail without retrying and without echoing the secret', async () => {
    const secret = 'wrong-client-secret-value';
    const tokens = new ClientCredentialsTokenProvider({ baseUrl: sandbox.shopUrl(domain), clientId: 'nope', clientSecret: secret });
    const error = (await tokens.accessToken().catch((e: unknown) => e)) as Error;
    expect(isRetryable(error)).toBe(false);
    expect(error.message).toMatch(/HTTP (400|401)/);
    expect(error.message).not.toContain(secret);
  });
});
