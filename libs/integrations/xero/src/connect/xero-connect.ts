import { createHash, randomBytes } from 'node:crypto';

import type { ConnectIo, JobDependencies } from '@ops/sync-core';
import { databaseExclusive, sealedTokenStorage } from '@ops/sync-core';

import { XeroIdentityClient, type XeroTokenSet } from '../auth/xero-identity.client';
import { XERO_SCOPES, type XeroConfig } from '../config/xero.config';
import { listTenants } from '../client/xero-connections';
import { CONNECTION_ACCOUNT } from '../xero-parts';
import { INTEGRATION } from '../xero-tenant.sync';
import { listenForRedirect } from './loopback-redirect';

/** The consent URL of an authorization-code request with PKCE (S256). */
export function consentUrl(config: Pick<XeroConfig, 'endpoints' | 'clientId'>, redirectUri: string, state: string, challenge: string): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri,
    scope: XERO_SCOPES,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  return `${config.endpoints.authorize}?${query}`;
}

/**
 * `npm run connect -- xero`: the OAuth 2.0 authorization-code flow with PKCE. Prints the consent
 * URL, waits on the loopback redirect URI, exchanges the code, lists the tenants from
 * `/connections` and stores the token set sealed (replacing any earlier connection). Prints the
 * tenants, never a code or token.
 */
export async function connectXero(config: XeroConfig, { database, sealer }: JobDependencies, io: ConnectIo): Promise<void> {
  if (config.grant === 'client_credentials') {
    io.print('XERO_GRANT=client_credentials (a Custom Connection) needs no connect step: the worker asks for its own tokens.');
    return;
  }
  const verifier = randomBytes(48).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const state = randomBytes(16).toString('hex');
  const redirect = await listenForRedirect(config.redirectUri, io.signal);
  try {
    io.print('Open this URL in a browser, sign in to Xero and allow access:');
    io.print(consentUrl(config, redirect.redirectUri, state, challenge));
    io.print(`Waiting for Xero to redirect to ${redirect.redirectUri} ...`);
    const query = await redirect.query;
    if (query.get('error')) throw new Error(`Xero answered ${query.get('error')}`);
    if (query.get('state') !== state) throw new Error('the redirect carried a different state: ignored (start again)');
    const code = query.get('code');
    if (!code) throw new Error('the redirect carried no code');
    const identity = new XeroIdentityClient(config.endpoints, config);
    const tokens = await identity.exchangeCode(code, verifier, redirect.redirectUri);
    const tenants = await listTenants(config.endpoints.connections, (call) => call(tokens.accessToken));
    const storage = sealedTokenStorage<XeroTokenSet>(database, sealer, { integration: INTEGRATION, accountId: CONNECTION_ACCOUNT });
    await databaseExclusive(database, `oauth:${INTEGRATION}:${CONNECTION_ACCOUNT}`)(() => storage.save(tokens));
    io.print(`Connected ${tenants.length} organisation(s); the tokens are stored sealed:`);
    for (const tenant of tenants) io.print(`  ${tenant.tenantId}  ${tenant.tenantName}`);
    if (config.seedRefreshToken) io.print('XERO_REFRESH_TOKEN is now ignored: the store holds this newer connection.');
  } finally {
    await redirect.close();
  }
}
