import { AuthRevokedError, fetchJson, RequestRejectedError, type TokenSet } from '@ops/sync-core';

import type { AmazonConfig } from '../config/amazon.config';

const LWA_TOKEN_URL = 'https://api.amazon.com/auth/o2/token';

interface LwaTokenResponse {
  access_token?: unknown;
  expires_in?: unknown;
}

/**
 * Login with Amazon's refresh-token grant: a new access token (valid for `expires_in`, an hour).
 * The refresh token is not rotated, so it is never stored; only the access token is.
 * @throws AuthRevokedError when LWA refuses the grant or the client (`invalid_grant`, `invalid_client`).
 */
export async function requestLwaToken(config: Pick<AmazonConfig, 'clientId' | 'clientSecret' | 'refreshToken' | 'endpoint'>, now: () => number = Date.now): Promise<TokenSet> {
  const url = config.endpoint ? `${config.endpoint}/auth/o2/token` : LWA_TOKEN_URL;
  const body = new URLSearchParams({
    grant_type: 'refresh_token',
    refresh_token: config.refreshToken,
    client_id: config.clientId,
    client_secret: config.clientSecret,
  });
  try {
    const answer = await fetchJson<LwaTokenResponse>(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    const { access_token: accessToken, expires_in: expiresIn } = answer.body;
    if (typeof accessToken !== 'string' || typeof expiresIn !== 'number') throw new AuthRevokedError('Login with Amazon answered without an access token');
    return { accessToken, expiresAt: now() + expiresIn * 1000 };
  } catch (error) {
    if (error instanceof RequestRejectedError && (error.status === 400 || error.status === 401)) {
      throw new AuthRevokedError(`Login with Amazon refused the refresh token (re-authorise the app for this seller): ${error.message}`);
    }
    throw error;
  }
}
