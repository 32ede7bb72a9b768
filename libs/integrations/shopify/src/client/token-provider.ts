import { fetchJson, MalformedResponseError } from '@ops/sync-core';

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

export interface IssuedToken {
  accessToken: string;
  expiresAt: number;
}

/** Persists issued tokens so a restart reuses a still-valid token instead of asking for a new one. */
export interface TokenStore {
  load(): Promise<IssuedToken | undefined>;
  save(token: IssuedToken): Promise<void>;
}

/**
 * Shopify's client-credentials grant: 24-hour tokens from `POST /admin/oauth/access_token`.
 * A token is renewed once less than `renewWithinMs` (default 1 hour) of its life is left.
 * Concurrent callers share one in-flight request.
 */
export class ClientCredentialsTokenProvider implements TokenProvider {
  private current?: IssuedToken;
  private inFlight?: Promise<IssuedToken>;

  constructor(
    private readonly options: { baseUrl: string; clientId: string; clientSecret: string; renewWithinMs?: number },
    private readonly store?: TokenStore,
    private readonly now: () => number = Date.now,
  ) {}

  async accessToken(): Promise<string> {
    this.current ??= await this.store?.load();
    if (this.current && this.current.expiresAt - this.now() > (this.options.renewWithinMs ?? 3_600_000)) {
      return this.current.accessToken;
    }
    this.inFlight ??= this.requestToken().finally(() => (this.inFlight = undefined));
    this.current = await this.inFlight;
    return this.current.accessToken;
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
    const token = { accessToken: body.access_token, expiresAt: this.now() + body.expires_in * 1000 };
    await this.store?.save(token);
    return token;
  }
}
