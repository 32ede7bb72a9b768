import type { ShopifySandbox } from '@ops/api-sandbox';

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
