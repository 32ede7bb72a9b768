import { randomBytes } from 'node:crypto';

import { jsonResponse, parseFormOrJson, type SandboxResponse } from '../../common/http';
import type { AmazonCredentials } from '../amazon.types';

const TOKEN_LIFETIME_S = 3600;

/** Login with Amazon: the refresh-token grant, and the access tokens it issued. */
export class LwaTokens {
  private readonly issued = new Map<string, number>();
  revoked = false;

  constructor(
    private readonly credentials: AmazonCredentials,
    private readonly now: () => number,
  ) {}

  /** `POST /auth/o2/token` (form-encoded `grant_type=refresh_token&refresh_token&client_id&client_secret`). */
  grant(body: string, contentType: string | undefined): SandboxResponse {
    const form = parseFormOrJson(body, contentType);
    if (form['grant_type'] !== 'refresh_token') {
      return jsonResponse(400, { error: 'unsupported_grant_type', error_description: 'The authorization grant type is not supported by the authorization server' });
    }
    if (form['client_id'] !== this.credentials.clientId || form['client_secret'] !== this.credentials.clientSecret) {
      return jsonResponse(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
    }
    if (this.revoked || form['refresh_token'] !== this.credentials.refreshToken) {
      return jsonResponse(400, { error: 'invalid_grant', error_description: 'The request has an invalid grant parameter : refresh_token' });
    }
    const accessToken = `Atza|${randomBytes(48).toString('base64url')}`;
    this.issued.set(accessToken, this.now() + TOKEN_LIFETIME_S * 1000);
    return jsonResponse(200, { access_token: accessToken, refresh_token: this.credentials.refreshToken, token_type: 'bearer', expires_in: TOKEN_LIFETIME_S });
  }

  /** `valid`, `expired` (issued, past its hour, or expired by a fault) or `invalid` (never issued). */
  check(token: string | undefined): 'valid' | 'expired' | 'invalid' {
    const expiresAt = token ? this.issued.get(token) : undefined;
    if (expiresAt === undefined) return 'invalid';
    return expiresAt > this.now() ? 'valid' : 'expired';
  }

  /** Ends a token's life now, as its hour running out would. */
  expire(token: string): void {
    if (this.issued.has(token)) this.issued.set(token, this.now() - 1);
  }

  /** How many access tokens were issued. */
  get count(): number {
    return this.issued.size;
  }
}
