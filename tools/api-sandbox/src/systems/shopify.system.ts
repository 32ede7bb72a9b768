import { loadSandboxOptions } from '../config/sandbox.config';
import type { SandboxCurrency } from '../shopify/sandbox.types';
import { startShopifySandbox } from '../shopify/shopify-sandbox';
import type { SandboxSystem } from './sandbox-system';

/** The `shopify` entry of the manifest line: one entry per shop, each on its own server. */
export interface ShopifyManifest {
  shops: {
    domain: string;
    /** The shop's own server, `http://127.0.0.1:<port>`; Admin API paths hang off it. */
    url: string;
    /** Static Admin API token (`X-Shopify-Access-Token`). */
    accessToken: string;
    /** Client-credentials grant identity for `POST <url>/admin/oauth/access_token`. */
    clientId: string;
    clientSecret: string;
    currency: SandboxCurrency;
    /** The shop's IANA time zone (`shop { ianaTimezone }`). */
    timeZone: string;
  }[];
}

/** The Shopify Admin API emulator: `--shops= --orders= --rate-limits= --reference-date= --port=`. */
export const shopifySystem: SandboxSystem<'shopify', ShopifyManifest> = {
  name: 'shopify',
  async start(argv, env) {
    const options = loadSandboxOptions(argv, env);
    const sandbox = await startShopifySandbox(options);
    const totalsOf = new Map(options.shops.map(({ domain }) => [domain, sandbox.expectedTotals(domain)]));
    const shops = options.shops.map(({ domain, currency }) => {
      const { url, accessToken, clientId, clientSecret } = sandbox.credentials(domain);
      return { domain, url, accessToken, clientId, clientSecret, currency, timeZone: totalsOf.get(domain)?.timeZone ?? '' };
    });
    const lines = [
      `Shopify (SANDBOX DATA, not a real store): directory ${sandbox.url}`,
      ...shops.map((shop) => {
        const totals = totalsOf.get(shop.domain);
        return `  ${shop.domain}  ${shop.url}  token=${shop.accessToken}  client_id=${shop.clientId}  client_secret=${shop.clientSecret}  orders=${totals?.orders} gross=${totals?.gross} ${shop.currency} ${shop.timeZone}`;
      }),
    ];
    return { lines, manifest: { shops }, close: () => sandbox.close() };
  },
};
