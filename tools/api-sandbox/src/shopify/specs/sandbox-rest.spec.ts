import { startShopifySandbox } from '../shopify-sandbox';
import type { ShopifySandbox } from '../sandbox.types';
import { json, officialClient, rawRest } from './official-client.spec-util';

const UK = 'acme-uk.myshopify.com';

interface RestOrder {
  id: string;
  updated_at: string;
  total_price: string;
  cancelled_at: string | null;
  test: boolean;
  closed_at: string | null;
}

describe('REST Admin API through @shopify/shopify-api 13.1.0', () => {
  let sandbox: ShopifySandbox;

  beforeAll(async () => {
    sandbox = await startShopifySandbox({ rateLimits: 'off', shops: [{ domain: UK, currency: 'GBP', orders: 620, products: 30, seed: 5 }] });
  });
  afterAll(() => sandbox.close());

  it('pages orders.json with the Link header and matches expectedTotals', async () => {
    const { shopify, session } = officialClient(sandbox, UK);
    const rest = new shopify.clients.Rest({ session });
    const orders: RestOrder[] = [];
    let query: Record<string, string | number> | undefined = { limit: 250, status: 'any', order: 'updated_at asc' };
    let pages = 0;
    while (query) {
      const response: Awaited<ReturnType<typeof rest.get<{ orders: RestOrder[] }>>> = await rest.get<{ orders: RestOrder[] }>({ path: 'orders', query });
      orders.push(...response.body.orders);
      expect(response.headers['X-Shopify-Shop-Api-Call-Limit']).toEqual(['1/40']);
      query = response.pageInfo?.nextPage?.query as Record<string, string | number> | undefined;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(new Set(orders.map((o) => o.id)).size).toBe(620);
    const counted = orders.filter((o) => !o.test && o.cancelled_at === null);
    expect(counted.length).toBe(sandbox.expectedTotals(UK).orders);
    expect(orders.length - counted.length).toBe(sandbox.expectedTotals(UK).cancelledOrders + sandbox.expectedTotals(UK).testOrders);
    const gross = counted.reduce((sum, o) => sum + BigInt(o.total_price.replace('.', '')), 0n);
    expect(`${gross / 100n}.${String(gross % 100n).padStart(2, '0')}`).toBe(sandbox.expectedTotals(UK).gross);
    // Europe/London: +01:00 in summer (the oldest orders, May), +00:00 after the end of October.
    expect(orders[0]?.updated_at).toMatch(/^2026-0[45]-\d\dT\d\d:\d\d:\d\d\+01:00$/);
    expect(orders.some((o) => /^2026-10-3\d.*\+00:00$/.test(o.updated_at))).toBe(true);
  });

  it('defaults to status=open (closed orders need status=any)', async () => {
    const open = await json(await rawRest(sandbox, UK, 'orders/count.json'));
    const any = await json(await rawRest(sandbox, UK, 'orders/count.json?status=any'));
    expect(any.count).toBe(620);
    expect(open.count).toBeGreaterThan(0);
    expect(open.count).toBeLessThan(any.count);
  });

  it('applies updated_at_min and carries it inside page_info; previous links go back', async () => {
    const min = '2026-08-01T00:00:00Z';
    const first = await rawRest(sandbox, UK, `orders.json?status=any&limit=50&updated_at_min=${min}&fields=id,updated_at`);
    const firstIds = (await json(first)).orders.map((o: RestOrder) => o.id);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link') ?? '')?.[1] ?? '';
    expect(new URL(next).searchParams.get('status')).toBeNull();
    const second = await fetch(next, { headers: { 'X-Shopify-Access-Token': sandbox.credentials(UK).accessToken } });
    const secondOrders: RestOrder[] = (await json(second)).orders;
    expect(secondOrders.every((o) => Date.parse(o.updated_at) >= Date.parse(min))).toBe(true);
    expect(Object.keys(secondOrders[0] ?? {})).toEqual(['id', 'updated_at']);
    const prev = /<([^>]+)>; rel="previous"/.exec(second.headers.get('link') ?? '')?.[1] ?? '';
    const back = await fetch(prev, { headers: { 'X-Shopify-Access-Token': sandbox.credentials(UK).accessToken } });
    expect((await json(back)).orders.map((o: RestOrder) => o.id)).toEqual(firstIds);
  });

  it('rejects filters sent alongside page_info (only limit and fields may go with it)', async () => {
    const first = await rawRest(sandbox, UK, 'orders.json?status=any&limit=5');
    const token = new URL(/<([^>]+)>; rel="next"/.exec(first.headers.get('link') ?? '')?.[1] ?? '').searchParams.get('page_info');
    const bad = await rawRest(sandbox, UK, `orders.json?limit=5&status=any&page_info=${token}`);
    expect(bad.status).toBe(400);
  });

  it('pages products.json and serves shop.json as sandbox data', async () => {
    const first = await rawRest(sandbox, UK, 'products.json?limit=20');
    const page1 = (await json(first)).products;
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link') ?? '')?.[1] ?? '';
    const page2 = (await json(await fetch(next, { headers: { 'X-Shopify-Access-Token': sandbox.credentials(UK).accessToken } }))).products;
    expect(page1.length + page2.length).toBe(30);
    expect(page1[0].variants[0].sku).toMatch(/^SBX-/);
    expect((await json(await rawRest(sandbox, UK, 'shop.json'))).shop.name).toBe('Sandbox acme-uk');
  });

  it('falls forward from a retired version and 404s an unknown one', async () => {
    const token = sandbox.credentials(UK).accessToken;
    const old = await fetch(`${sandbox.shopUrl(UK)}/admin/api/2024-01/shop.json`, { headers: { 'X-Shopify-Access-Token': token } });
    expect(old.headers.get('x-shopify-api-version')).toBe('2025-10');
    expect((await fetch(`${sandbox.shopUrl(UK)}/admin/api/2099-01/shop.json`, { headers: { 'X-Shopify-Access-Token': token } })).status).toBe(404);
  });

  it('also routes through the directory server by /shops/<domain> prefix', async () => {
    const directory = await json(await fetch(sandbox.url));
    expect(directory.shops[0].domain).toBe(UK);
    const viaPrefix = await fetch(`${sandbox.url}/shops/${UK}/admin/api/2026-07/shop.json`, { headers: { 'X-Shopify-Access-Token': sandbox.credentials(UK).accessToken } });
    expect(viaPrefix.status).toBe(200);
  });
});
