import { fetchJson, MalformedResponseError, OAuthTokenStore, type TokenSet, type TokenSetStorage } from '@ops/sync-core';

export interface TokenProvider {
  /** A valid Admin API access token, renewed ahead of expiry where tokens expire. */
  accessToken(): Promise<string>;
}

export class StaticTokenProvider implements TokenProvider {
  constructor(private readonly token: string) {}
  async accessToken(): Promise<string> {
    return this.token;
  }
}

/** A client-credentials token (the grant issues no refresh token). */
export type IssuedToken = Omit<TokenSet, 'refreshToken'>;

/** Persists issued tokens so a restart reuses a still-valid token (`sealedTokenStorage` in production). */
export type TokenStore = TokenSetStorage<IssuedToken>;

/**
 * Shopify's client-credentials grant: 24-hour tokens from `POST /admin/oauth/access_token`.
 * A token is renewed once less than `renewWithinMs` (default 1 hour) of its life is left.
 * Concurrent callers share one in-flight request, and a new token is saved to `store` before any
 * caller uses it (an `OAuthTokenStore`). Without a store, tokens live in this object only.
 */
export class ClientCredentialsTokenProvider implements TokenProvider {
  private readonly tokens: OAuthTokenStore<IssuedToken>;

  constructor(
    private readonly options: { baseUrl: string; clientId: string; clientSecret: string; renewWithinMs?: number },
    store: TokenStore = inProcessTokenStore(),
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = new OAuthTokenStore({
      storage: store,
      refresh: () => this.requestToken(),
      renewWithinMs: options.renewWithinMs ?? 3_600_000,
      now,
    });
  }

  accessToken(): Promise<string> {
    return this.tokens.accessToken();
  }

  private async requestToken(): Promise<IssuedToken> {
    const { body } = await fetchJson<{ access_token?: unknown; expires_in?: unknown }>(
      `${this.options.baseUrl}/admin/oauth/access_token`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: this.options.clientId,
          client_secret: this.options.clientSecret,
        }).toString(),
        timeoutMs: 15_000,
      },
    );
    if (typeof body.access_token !== 'string' || typeof body.expires_in !== 'number') {
      throw new MalformedResponseError('client-credentials grant answered without access_token/expires_in');
    }
    return { accessToken: body.access_token, expiresAt: this.now() + body.expires_in * 1000 };
  }
}

function inProcessTokenStore(): TokenStore {
  let saved: IssuedToken | undefined;
  return {
    load: async () => saved,
    save: async (token) => void (saved = token),
  };
}
