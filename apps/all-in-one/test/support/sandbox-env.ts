import type { AmazonManifest, ShopifySandbox, UnleashedManifest, XeroManifest } from '@ops/api-sandbox';

/** The environment that points the Shopify worker at every shop of a sandbox (access tokens). */
export function shopifyEnv(sandbox: ShopifySandbox, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = { SHOPIFY_STORES: sandbox.shops.map((_, i) => `S${i}`).join(','), ...extra };
  sandbox.shops.forEach((shop, i) => {
    env[`SHOPIFY_S${i}_DOMAIN`] = shop.domain;
    env[`SHOPIFY_S${i}_ENDPOINT`] = sandbox.shopUrl(shop.domain);
    env[`SHOPIFY_S${i}_ACCESS_TOKEN`] = sandbox.credentials(shop.domain).accessToken;
  });
  return env;
}

/** The environment that points the Unleashed worker at the sandbox's organisation (manifest entry `unleashed`). */
export function unleashedEnv(manifest: UnleashedManifest, extra: Record<string, string> = {}): Record<string, string> {
  return {
    UNLEASHED_API_ID: manifest.apiId,
    UNLEASHED_API_KEY: manifest.apiKey,
    UNLEASHED_CLIENT_TYPE: 'ops/dashboard-sandbox',
    UNLEASHED_ENDPOINT: manifest.endpoint,
    ...extra,
  };
}

/** The environment that points the Amazon worker at the sandbox's seller (manifest entry `amazon`). */
export function amazonEnv(manifest: AmazonManifest, extra: Record<string, string> = {}): Record<string, string> {
  return {
    AMAZON_ENDPOINT: manifest.endpoint,
    AMAZON_REGION: manifest.region,
    AMAZON_MARKETPLACES: manifest.marketplaces.map((m) => m.id).join(','),
    AMAZON_CLIENT_ID: manifest.clientId,
    AMAZON_CLIENT_SECRET: manifest.clientSecret,
    AMAZON_REFRESH_TOKEN: manifest.refreshToken,
    ...extra,
  };
}

/** The environment that points the Xero worker at the sandbox (manifest entry `xero`): every tenant, seeded refresh token. */
export function xeroEnv(manifest: XeroManifest, extra: Record<string, string> = {}): Record<string, string> {
  return {
    XERO_CLIENT_ID: manifest.clientId,
    XERO_CLIENT_SECRET: manifest.clientSecret,
    XERO_REFRESH_TOKEN: manifest.refreshToken,
    XERO_ENDPOINT: manifest.endpoint,
    ...extra,
  };
}
