import { startShopifySandbox } from '../shopify-sandbox';
import type { FaultPlan, ShopifySandbox } from '../sandbox.types';
import { json, rawGraphql, rawRest } from './official-client.spec-util';

const UK = 'acme-uk.myshopify.com';
const US = 'acme-us.myshopify.com';
const QUERY = '{ orders(first: 5) { nodes { id } } }';

describe('fault injection', () => {
  let sandbox: ShopifySandbox;

  beforeAll(async () => {
    sandbox = await startShopifySandbox({
      rateLimits: 'off',
      bulkDelayMs: 10,
      shops: [
        { domain: UK, currency: 'GBP', orders: 300 },
        { domain: US, currency: 'USD', orders: 50 },
      ],
    });
  });
  afterEach(() => sandbox.setFaults(undefined));
  afterAll(() => sandbox.close());

  it('serverErrors: fails the first N requests of one shop only', async () => {
    sandbox.setFaults({ serverErrors: { shop: UK, status: 503, times: 2 } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await rawRest(sandbox, UK, 'orders.json?limit=1')).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect((await rawRest(sandbox, US, 'orders.json?limit=1')).status).toBe(200);
    expect(sandbox.requests.filter((r) => r.fault === 'serverErrors')).toHaveLength(2);
  });

  it('serverErrors 502 answers an HTML body, like a proxy', async () => {
    sandbox.setFaults({ serverErrors: { status: 502, times: 'always', api: 'graphql' } });
    const response = await rawGraphql(sandbox, US, QUERY);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toContain('502 Bad Gateway');
  });

  it('throttleStorm: every Nth request is THROTTLED (GraphQL) or 429 (REST)', async () => {
    sandbox.setFaults({ throttleStorm: { everyNth: 2 } });
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) codes.push((await json(await rawGraphql(sandbox, UK, QUERY))).errors?.[0]?.extensions?.code ?? 'OK');
    expect(codes).toEqual(['OK', 'THROTTLED', 'OK', 'THROTTLED']);
    sandbox.setFaults({ throttleStorm: { shop: US, api: 'rest' } });
    const limited = await rawRest(sandbox, US, 'orders.json');
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '2.0']);
  });

  it('slow: delays matching responses', async () => {
    sandbox.setFaults({ slow: { delayMs: 300, onRequest: 2 } });
    const timings: number[] = [];
    for (let i = 0; i < 2; i++) {
      const started = Date.now();
      await (await rawRest(sandbox, UK, 'orders.json?limit=1')).text();
      timings.push(Date.now() - started);
    }
    expect(timings[1]).toBeGreaterThanOrEqual(290);
    expect(timings[0]).toBeLessThan(290);
  });

  it('truncated: the socket closes mid-body (REST, GraphQL and bulk downloads)', async () => {
    sandbox.setFaults({ truncated: { shop: UK, times: 2 } });
    await expect((await rawRest(sandbox, UK, 'orders.json?limit=50')).text()).rejects.toThrow();
    await expect((await rawGraphql(sandbox, UK, QUERY)).text()).rejects.toThrow();
    expect((await rawRest(sandbox, UK, 'orders.json?limit=50')).status).toBe(200);

    const run = 'mutation { bulkOperationRunQuery(query: "{ orders { edges { node { id } } } }") { bulkOperation { id } userErrors { message } } }';
    await rawGraphql(sandbox, US, run);
    let url: string | null = null;
    while (!url) url = (await json(await rawGraphql(sandbox, US, '{ currentBulkOperation { url } }'))).data.currentBulkOperation.url;
    sandbox.setFaults({ truncated: { api: 'bulk-file', times: 1 } });
    await expect((await fetch(url)).text()).rejects.toThrow();
    expect((await (await fetch(url)).text()).trim().split('\n')).toHaveLength(50);
  });

  it('malformedJson: page N is a complete response with an unparsable body', async () => {
    sandbox.setFaults({ malformedJson: { shop: UK, onPage: 2 } });
    const bodies: string[] = [];
    for (let i = 0; i < 3; i++) bodies.push(await (await rawRest(sandbox, UK, 'orders.json?limit=3&status=any')).text());
    expect(() => JSON.parse(bodies[0] ?? '')).not.toThrow();
    expect(() => JSON.parse(bodies[1] ?? '')).toThrow();
    expect(() => JSON.parse(bodies[2] ?? '')).not.toThrow();
  });

  it('probability faults are deterministic for a seed and reset by setFaults', async () => {
    const plan: FaultPlan = { seed: 99, serverErrors: { probability: 0.3, status: 500 } };
    const pattern = async () => {
      sandbox.setFaults(plan);
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await rawRest(sandbox, US, 'shop.json')).status);
      return statuses;
    };
    const first = await pattern();
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await pattern()).toEqual(first);
  });
});
