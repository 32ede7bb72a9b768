import { fetchJson, MalformedResponseError, RequestRejectedError, type TokenSet } from '@ops/sync-core';

import type { XeroEndpoints } from '../config/xero.config';
import { ReauthorizationRequiredError } from './xero-auth.errors';

/** What the store keeps for the Xero connection (sealed): the token set, and where its chain began. */
export type XeroTokenSet = TokenSet & {
  /** SHA-256 of the `XERO_REFRESH_TOKEN` this chain was seeded from, so a new seed is recognised. */
  seedFingerprint?: string;
};

export interface XeroClientCredentials {
  clientId: string;
  clientSecret: string;
}

interface TokenAnswer {
  access_token?: unknown;
  refresh_token?: unknown;
  expires_in?: unknown;
}

/**
 * Xero's identity endpoint, called directly at a configurable URL (xero-node's XeroClient hard-codes
 * identity.xero.com). Client authentication is HTTP Basic. An `invalid_grant` answer becomes a
 * {@link ReauthorizationRequiredError}; nothing here retries.
 */
export class XeroIdentityClient {
  constructor(
    private readonly endpoints: XeroEndpoints,
    private readonly client: XeroClientCredentials,
    private readonly now: () => number = Date.now,
  ) {}

  /** Spends `refreshToken` for a new token set (with the next refresh token). */
  refresh(refreshToken: string): Promise<XeroTokenSet> {
    return this.grant({ grant_type: 'refresh_token', refresh_token: refreshToken }, true);
  }

  /** A Custom Connection's token (one organisation, no refresh token). */
  clientCredentials(): Promise<XeroTokenSet> {
    return this.grant({ grant_type: 'client_credentials' }, false);
  }

  /** Exchanges an authorization code (PKCE) for the first token set of a connection. */
  exchangeCode(code: string, codeVerifier: string, redirectUri: string): Promise<XeroTokenSet> {
    return this.grant({ grant_type: 'authorization_code', code, code_verifier: codeVerifier, redirect_uri: redirectUri }, true);
  }

  private async grant(form: Record<string, string>, expectRefreshToken: boolean): Promise<XeroTokenSet> {
    const basic = Buffer.from(`${this.client.clientId}:${this.client.clientSecret}`).toString('base64');
    let body: TokenAnswer;
    try {
      ({ body } = await fetchJson<TokenAnswer>(this.endpoints.token, {
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams(form).toString(),
        timeoutMs: 20_000,
      }));
    } catch (error) {
      if (error instanceof RequestRejectedError && error.status === 400 && error.message.includes('invalid_grant')) {
        throw new ReauthorizationRequiredError(
          `Xero refused the ${form['grant_type'] === 'authorization_code' ? 'authorization code' : 'stored grant'} (invalid_grant): connect again with npm run connect -- xero`,
        );
      }
      throw error;
    }
    if (typeof body.access_token !== 'string' || typeof body.expires_in !== 'number') {
      throw new MalformedResponseError('Xero token endpoint answered without access_token/expires_in');
    }
    if (expectRefreshToken && typeof body.refresh_token !== 'string') {
      throw new MalformedResponseError('Xero token endpoint answered without a refresh_token (is offline_access in the scopes?)');
    }
    return {
      accessToken: body.access_token,
      expiresAt: this.now() + body.expires_in * 1000,
      ...(typeof body.refresh_token === 'string' ? { refreshToken: body.refresh_token } : {}),
    };
  }
}
