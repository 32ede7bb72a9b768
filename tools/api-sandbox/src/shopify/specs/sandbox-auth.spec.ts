import { Session } from '@shopify/shopify-api';

import { startShopifySandbox } from '../shopify-sandbox';
import type { ShopifySandbox } from '../sandbox.types';
import { json, manualClock, officialApi, rawRest } from './official-client.spec-util';

const UK = 'acme-uk.myshopify.com';
const EU = 'acme-eu.myshopify.com';
const INVALID = { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' };

describe('auth', () => {
  let sandbox: ShopifySandbox;
  const clock = manualClock();

  beforeAll(async () => {
    sandbox = await startShopifySandbox({
      clock: clock.now,
      rateLimits: 'off',
      shops: [
        { domain: UK, currency: 'GBP', orders: 10, accessToken: 'shpat_uk_static' },
        { domain: EU, currency: 'EUR', orders: 10, clientId: 'eu-client', clientSecret: 'eu-secret' },
      ],
    });
  });
  afterAll(() => sandbox.close());

  const grant = (domain: string, body: string, type = 'application/x-www-form-urlencoded') =>
    fetch(`${sandbox.shopUrl(domain)}/admin/oauth/access_token`, { method: 'POST', headers: { 'Content-Type': type }, body });

  it('issues a 24-hour token to the JSON grant the official client sends, usable by its GraphQL client', async () => {
    const shopify = officialApi(sandbox, EU, { customStoreApp: false });
    // shopify.auth.clientCredentials() reaches the sandbox and gets the token, then throws
    // InvalidShopError because it re-validates the transformed shop '127.0.0.1:PORT'.
    await expect(shopify.auth.clientCredentials({ shop: EU })).rejects.toThrow(/invalid shop/i);
    expect(sandbox.requests[sandbox.requests.length - 1]).toMatchObject({ shop: EU, api: 'oauth', status: 200 });
    // Workaround: post the same JSON body and build the Session by hand.
    const body = await json(await grant(EU, JSON.stringify({ client_id: 'eu-client', client_secret: 'eu-secret', grant_type: 'client_credentials' }), 'application/json'));
    expect(body.access_token).toMatch(/^shpca_/);
    expect(body.scope).toBe('read_orders,read_all_orders,read_products');
    const session = new Session({ id: `offline_${EU}`, shop: sandbox.shopHost(EU), state: '', isOnline: false, accessToken: body.access_token });
    const shop = await new shopify.clients.Graphql({ session }).request<{ shop: { name: string } }>('{ shop { name } }');
    expect(shop.data?.shop.name).toBe('Sandbox acme-eu');
  });

  it('accepts the form-encoded grant and answers Shopify’s response shape', async () => {
    const response = await grant(EU, 'grant_type=client_credentials&client_id=eu-client&client_secret=eu-secret');
    const body = await json(response);
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'scope']);
    expect(body.expires_in).toBe(86399);
    expect((await rawRest(sandbox, EU, 'shop.json', body.access_token)).status).toBe(200);
    clock.advance(86399 * 1000);
    expect((await rawRest(sandbox, EU, 'shop.json', body.access_token)).status).toBe(401);
  });

  it('rejects a wrong client secret or grant type', async () => {
    expect(await json(await grant(EU, 'grant_type=client_credentials&client_id=eu-client&client_secret=nope'))).toMatchObject({ error: 'invalid_client' });
    expect((await grant(EU, JSON.stringify({ grant_type: 'password' }), 'application/json')).status).toBe(400);
  });

  it('answers 401 with Shopify’s body for a missing, wrong or revoked token', async () => {
    expect((await rawRest(sandbox, UK, 'shop.json', 'shpat_uk_static')).status).toBe(200);
    const wrong = await rawRest(sandbox, UK, 'shop.json', 'shpat_wrong');
    expect(wrong.status).toBe(401);
    expect(await json(wrong)).toEqual(INVALID);
    sandbox.revokeToken(UK);
    expect((await rawRest(sandbox, UK, 'shop.json', 'shpat_uk_static')).status).toBe(401);
    const creds = sandbox.credentials(UK);
    const fresh = await json(await grant(UK, `grant_type=client_credentials&client_id=${creds.clientId}&client_secret=${creds.clientSecret}`));
    expect((await rawRest(sandbox, UK, 'shop.json', fresh.access_token)).status).toBe(200);
  });

  it('treats FaultPlan.revoked shops as uninstalled: 401 on Admin calls, app_not_installed on the grant', async () => {
    sandbox.setFaults({ revoked: [EU] });
    const creds = sandbox.credentials(EU);
    expect((await rawRest(sandbox, EU, 'shop.json', creds.accessToken)).status).toBe(401);
    expect(await json(await grant(EU, 'grant_type=client_credentials&client_id=eu-client&client_secret=eu-secret'))).toMatchObject({ error: 'app_not_installed' });
    expect(sandbox.requests[sandbox.requests.length - 1]).toMatchObject({ shop: EU, api: 'oauth', status: 400, fault: 'revoked' });
    sandbox.setFaults(undefined);
    expect((await rawRest(sandbox, EU, 'shop.json', creds.accessToken)).status).toBe(200);
  });
});
