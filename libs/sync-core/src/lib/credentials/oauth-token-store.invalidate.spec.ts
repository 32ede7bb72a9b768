import { OAuthTokenStore, type TokenSet } from './oauth-token-store';

describe('OAuthTokenStore.invalidate', () => {
  it('refreshes on the next call even though the saved copy still looks fresh, and never hands the refused token out again', async () => {
    let saved: TokenSet | undefined;
    let issued = 0;
    const store = new OAuthTokenStore({
      storage: { load: async () => saved, save: async (tokens) => void (saved = tokens) },
      refresh: async () => ({ accessToken: `token-${++issued}`, expiresAt: Date.now() + 3_600_000 }),
    });
    expect(await store.accessToken()).toBe('token-1');
    store.invalidate('token-1');
    const [a, b] = await Promise.all([store.accessToken(), store.accessToken()]);
    expect([a, b]).toEqual(['token-2', 'token-2']);
    expect(issued).toBe(2);
    store.invalidate('token-0'); // not held: nothing happens
    expect(await store.accessToken()).toBe('token-2');
  });
});
