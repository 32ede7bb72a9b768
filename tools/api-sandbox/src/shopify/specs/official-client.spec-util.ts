import '@shopify/shopify-api/adapters/node';
import { ApiVersion, LogSeverity, shopifyApi, type Session, type Shopify } from '@shopify/shopify-api';
import { setAbstractFetchFunc } from '@shopify/shopify-api/runtime';

import type { ShopifySandbox } from '../sandbox.types';

/**
 * The official @shopify/shopify-api 13.1.0 client pointed at one sandbox shop:
 * - `domainTransformations` maps `name.myshopify.com` to `127.0.0.1:<shop port>`;
 * - REST honours `hostScheme: 'http'`;
 * - GraphQL (admin-api-client) forces https, so the process-global abstract fetch is swapped
 *   to rewrite `https://127.0.0.1:` to `http://127.0.0.1:` (this affects every client in the process).
 */
export function officialClient(sandbox: ShopifySandbox, domain: string, accessToken?: string): { shopify: Shopify; session: Session } {
  const shopify = officialApi(sandbox, domain, { customStoreApp: true, accessToken });
  return { shopify, session: shopify.session.customAppSession(domain) };
}

/**
 * `shopifyApi(...)` for one sandbox shop. `customStoreApp: false` gives an app whose sessions
 * carry their own token, e.g. from `shopify.auth.clientCredentials({ shop })`.
 */
export function officialApi(sandbox: ShopifySandbox, domain: string, options: { customStoreApp: boolean; accessToken?: string }): Shopify {
  setAbstractFetchFunc((url, init) => fetch(String(url).replace(/^https:\/\/127\.0\.0\.1:/, 'http://127.0.0.1:'), init));
  const credentials = sandbox.credentials(domain);
  const shopify = shopifyApi({
    apiKey: credentials.clientId,
    apiSecretKey: credentials.clientSecret,
    ...(options.customStoreApp ? { adminApiAccessToken: options.accessToken ?? credentials.accessToken, isCustomStoreApp: true } : { isCustomStoreApp: false }),
    isEmbeddedApp: false,
    apiVersion: ApiVersion.July26,
    hostName: 'localhost',
    hostScheme: 'http',
    logger: { level: LogSeverity.Error, log: async () => undefined },
    domainTransformations: [{ match: new RegExp(`^${domain.replace(/\./g, '\\.')}$`), transform: () => sandbox.shopHost(domain) }],
  });
  return shopify;
}

/** Raw GraphQL POST (for asserting exact bodies without the client's error translation). */
export async function rawGraphql(sandbox: ShopifySandbox, domain: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Response> {
  return fetch(`${sandbox.shopUrl(domain)}/admin/api/2026-07/graphql.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Shopify-Access-Token': token ?? sandbox.credentials(domain).accessToken },
    body: JSON.stringify({ query, variables }),
  });
}

/** Raw REST GET. */
export async function rawRest(sandbox: ShopifySandbox, domain: string, pathAndQuery: string, token?: string): Promise<Response> {
  return fetch(`${sandbox.shopUrl(domain)}/admin/api/2026-07/${pathAndQuery}`, {
    headers: { 'X-Shopify-Access-Token': token ?? sandbox.credentials(domain).accessToken },
  });
}

/** A clock tests can move by hand. */
export function manualClock(startIso = '2026-11-26T12:00:00Z'): { now: () => number; advance: (ms: number) => void } {
  let now = Date.parse(startIso);
  return { now: () => now, advance: (ms) => (now += ms) };
}

/** A response body read as loosely typed JSON, for assertions on exact wire shapes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function json(response: Response): Promise<any> {
  return response.json();
}
