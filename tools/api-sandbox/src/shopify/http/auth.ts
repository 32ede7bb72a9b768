import { jsonResponse, type SandboxResponse } from '../../common/http';
import { hashString, mixSeed, stableHex } from '../../common/prng';

export const TOKEN_LIFETIME_SECONDS = 86399;
export const GRANTED_SCOPE = 'read_orders,read_all_orders,read_products';
export const INVALID_TOKEN_BODY = { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' };

export interface ShopCredentialSpec {
  accessToken: string;
  clientId: string;
  clientSecret: string;
}

/** Deterministic default credentials for a domain (sandbox credentials are meant to be printed). */
export function defaultCredentials(domain: string): ShopCredentialSpec {
  const h = hashString(domain);
  return {
    accessToken: `shpat_sandbox_${stableHex(mixSeed(h, 1), 24)}`,
    clientId: `sandbox-${domain.split('.')[0]}`,
    clientSecret: `shpss_sandbox_${stableHex(mixSeed(h, 2), 24)}`,
  };
}

/**
 * Tokens of one shop: the static Admin token plus tokens granted by the client-credentials
 * grant, each valid for 86399 s on the sandbox clock. `revokeAll` invalidates every current one.
 */
export class ShopAuth {
  private readonly tokens = new Map<string, number | null>();
  private issued = 0;

  constructor(
    private readonly domain: string,
    private readonly credentials: ShopCredentialSpec,
    private readonly clock: () => number,
  ) {
    this.tokens.set(credentials.accessToken, null);
  }

  isValid(token: string | undefined): boolean {
    if (!token || !this.tokens.has(token)) return false;
    const expiresAt = this.tokens.get(token);
    return expiresAt === null || expiresAt === undefined || expiresAt > this.clock();
  }

  revokeAll(): void {
    this.tokens.clear();
  }

  /** `POST /admin/oauth/access_token` with the client-credentials grant (form or JSON fields). */
  grant(params: Record<string, string>, appInstalled: boolean): SandboxResponse {
    if (params['grant_type'] !== 'client_credentials') {
      return jsonResponse(400, { error: 'unsupported_grant_type', error_description: 'The grant type is not supported by the authorization server.' });
    }
    if (params['client_id'] !== this.credentials.clientId || params['client_secret'] !== this.credentials.clientSecret) {
      return jsonResponse(400, { error: 'invalid_client', error_description: 'Client authentication failed due to unknown client or invalid client secret.' });
    }
    if (!appInstalled) return jsonResponse(400, { error: 'app_not_installed', error_description: 'The application is not installed on this shop.' });
    this.issued += 1;
    const token = `shpca_sandbox_${stableHex(mixSeed(hashString(this.domain), 3, this.issued), 32)}`;
    this.tokens.set(token, this.clock() + TOKEN_LIFETIME_SECONDS * 1000);
    return jsonResponse(200, { access_token: token, scope: GRANTED_SCOPE, expires_in: TOKEN_LIFETIME_SECONDS });
  }
}
