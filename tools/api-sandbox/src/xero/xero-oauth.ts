import { createHash } from 'node:crypto';

import { mixSeed, stableHex } from '../common/prng';

export const ACCESS_TOKEN_SECONDS = 1800;
export const REFRESH_GRACE_MS = 30 * 60_000;
const REFRESH_LIFETIME_MS = 60 * 24 * 3600_000;
const CODE_LIFETIME_MS = 5 * 60_000;

interface Grant {
  id: string;
  tenantIds: string[];
  revoked: boolean;
  authEventId: string;
}

interface RefreshRecord {
  grantId: string;
  issuedAt: number;
  /** When it was first spent; it keeps working for {@link REFRESH_GRACE_MS} after that. */
  usedAt?: number;
}

interface CodeRecord {
  grantTenantIds: string[];
  redirectUri: string;
  challenge: string;
  scope: string;
  issuedAt: number;
  used: boolean;
}

export type TokenAnswer = { status: 200; body: Record<string, unknown> } | { status: 400 | 401; body: { error: string; error_description?: string } };

/**
 * Xero's identity service, emulated: grants over tenants, rotating refresh tokens with the
 * 30-minute grace of a spent one, 30-minute access tokens, PKCE-checked authorization codes,
 * client credentials for a Custom Connection (one organisation, no refresh token). Token material
 * is derived from a counter and the seed (deterministic; sandbox credentials are not secret).
 */
export class XeroOAuth {
  private counter = 0;
  private readonly grants = new Map<string, Grant>();
  private readonly refreshTokens = new Map<string, RefreshRecord>();
  private readonly accessTokens = new Map<string, { grantId: string; expiresAt: number }>();
  private readonly codes = new Map<string, CodeRecord>();

  constructor(
    readonly clientId: string,
    readonly clientSecret: string,
    private readonly seed: number,
    private readonly now: () => number,
  ) {}

  /** A new grant over `tenantIds` and its first refresh token (what `connect` would have stored). */
  issueGrant(tenantIds: string[]): { grantId: string; refreshToken: string } {
    const grant: Grant = { id: this.mint('grant', 16), tenantIds, revoked: false, authEventId: this.mint('auth', 16) };
    this.grants.set(grant.id, grant);
    return { grantId: grant.id, refreshToken: this.newRefreshToken(grant.id) };
  }

  /** Revokes every grant (the user disconnected the app): their refresh and access tokens stop working. */
  revokeAll(): void {
    for (const grant of this.grants.values()) grant.revoked = true;
  }

  checkClient(basic: string | undefined, body: Record<string, string>): boolean {
    let id = body['client_id'];
    let secret = body['client_secret'];
    if (basic?.startsWith('Basic ')) [id, secret] = Buffer.from(basic.slice(6), 'base64').toString('utf8').split(':', 2);
    return id === this.clientId && (secret === undefined || secret === this.clientSecret);
  }

  /** The authorize step, auto-approved: a code for a grant over every tenant, or why not. */
  authorize(query: URLSearchParams, tenantIds: string[]): { code: string } | { error: string } {
    if (query.get('client_id') !== this.clientId) return { error: 'unauthorized_client' };
    if (query.get('response_type') !== 'code') return { error: 'unsupported_response_type' };
    const challenge = query.get('code_challenge');
    if (!challenge || query.get('code_challenge_method') !== 'S256') return { error: 'invalid_request' };
    const redirectUri = query.get('redirect_uri');
    if (!redirectUri) return { error: 'invalid_request' };
    const code = this.mint('code', 32);
    this.codes.set(code, { grantTenantIds: tenantIds, redirectUri, challenge, scope: query.get('scope') ?? '', issuedAt: this.now(), used: false });
    return { code };
  }

  token(body: Record<string, string>, tenantIdsForClientCredentials: string[]): TokenAnswer {
    switch (body['grant_type']) {
      case 'refresh_token':
        return this.refresh(body['refresh_token'] ?? '');
      case 'authorization_code':
        return this.exchange(body);
      case 'client_credentials': {
        const { grantId } = this.issueGrant(tenantIdsForClientCredentials.slice(0, 1));
        return { status: 200, body: this.accessBody(grantId) };
      }
      default:
        return { status: 400, body: { error: 'unsupported_grant_type' } };
    }
  }

  /** The grant an access token belongs to, or undefined when it is unknown, expired or revoked. */
  grantOf(accessToken: string): { tenantIds: string[]; authEventId: string; grantId: string } | undefined {
    const token = this.accessTokens.get(accessToken);
    if (!token || token.expiresAt <= this.now()) return undefined;
    const grant = this.grants.get(token.grantId);
    return grant && !grant.revoked ? { tenantIds: grant.tenantIds, authEventId: grant.authEventId, grantId: grant.id } : undefined;
  }

  private refresh(refreshToken: string): TokenAnswer {
    const record = this.refreshTokens.get(refreshToken);
    const grant = record ? this.grants.get(record.grantId) : undefined;
    const now = this.now();
    if (!record || !grant || grant.revoked) return invalidGrant();
    if (now - record.issuedAt > REFRESH_LIFETIME_MS) return invalidGrant();
    if (record.usedAt !== undefined && now - record.usedAt > REFRESH_GRACE_MS) return invalidGrant();
    record.usedAt ??= now;
    return { status: 200, body: { ...this.accessBody(grant.id), refresh_token: this.newRefreshToken(grant.id) } };
  }

  private exchange(body: Record<string, string>): TokenAnswer {
    const record = this.codes.get(body['code'] ?? '');
    if (!record || record.used || this.now() - record.issuedAt > CODE_LIFETIME_MS) return invalidGrant();
    if (record.redirectUri !== body['redirect_uri']) return invalidGrant('redirect_uri does not match');
    const verifier = body['code_verifier'] ?? '';
    if (createHash('sha256').update(verifier).digest('base64url') !== record.challenge) return invalidGrant('code_verifier does not match the challenge');
    record.used = true;
    const { grantId, refreshToken } = this.issueGrant(record.grantTenantIds);
    const offline = record.scope.split(/\s+/).includes('offline_access');
    return { status: 200, body: { ...this.accessBody(grantId), ...(offline ? { refresh_token: refreshToken } : {}), scope: record.scope } };
  }

  private accessBody(grantId: string): Record<string, unknown> {
    const accessToken = this.mint('sbx_at', 40);
    this.accessTokens.set(accessToken, { grantId, expiresAt: this.now() + ACCESS_TOKEN_SECONDS * 1000 });
    return { id_token: this.mint('sbx_id', 24), access_token: accessToken, expires_in: ACCESS_TOKEN_SECONDS, token_type: 'Bearer', scope: 'offline_access accounting.reports.balancesheet.read accounting.settings.read' };
  }

  private newRefreshToken(grantId: string): string {
    const token = this.mint('sbx_rt', 40);
    this.refreshTokens.set(token, { grantId, issuedAt: this.now() });
    return token;
  }

  private mint(prefix: string, length: number): string {
    return `${prefix}_${stableHex(mixSeed(this.seed, ++this.counter, prefix.length), length)}`;
  }
}

function invalidGrant(description?: string): TokenAnswer {
  return { status: 400, body: { error: 'invalid_grant', ...(description ? { error_description: description } : {}) } };
}
